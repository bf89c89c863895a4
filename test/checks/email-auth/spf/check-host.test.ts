import { describe, expect, it } from 'vitest';
import { checkHost, checkMailFrom } from '../../../../checks/email-auth/spf/index.js';
import { memoryLookup, zoneFromLines } from './memory-lookup.js';

const zone = zoneFromLines({
  'shop.example': ['TXT v=spf1 ip4:192.0.2.0/24 -all exp=why.shop.example'],
  'why.shop.example': ['TXT %{c} was refused by %{r} at %{t} for %{s}'],
  'plain.example': ['TXT v=spf1 -all'],
});

describe('checkHost', () => {
  it('expands %{t} from the fixed time and %{r} from the receiver option', async () => {
    const result = await checkMailFrom(
      memoryLookup(zone),
      { ip: '2001:DB8:0:0::1', mailFrom: 'news@shop.example', helo: 'mta.shop.example' },
      { now: new Date('2026-11-27T00:00:00Z'), receiver: 'mx.receiver.example' },
    );
    expect(result).toMatchObject({ result: 'fail', mechanism: '-all', explanation: '2001:db8::1 was refused by mx.receiver.example at 1795737600 for news@shop.example' });
  });

  it('uses the default explanation, with macros, when there is no exp=', async () => {
    const result = await checkMailFrom(memoryLookup(zone), { ip: '198.51.100.9', mailFrom: '', helo: 'plain.example' });
    expect(result).toMatchObject({ result: 'fail', explanation: 'The SPF record of plain.example does not authorize 198.51.100.9 to send mail' });
  });

  it('treats an IPv4-mapped IPv6 client as IPv4', async () => {
    const result = await checkHost(memoryLookup(zone), { ip: '::ffff:192.0.2.44', domain: 'shop.example', sender: 'a@shop.example', helo: 'x' });
    expect(result).toMatchObject({ result: 'pass', mechanism: 'ip4:192.0.2.0/24' });
  });

  it('refuses an address that is not an IP', async () => {
    await expect(checkHost(memoryLookup(zone), { ip: '192.0.2', domain: 'shop.example', sender: 'a@shop.example', helo: 'x' })).rejects.toThrow(RangeError);
  });
});
