import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reverseName } from '../../src/dns/reverse.js';
import type { DnsOutcome, RecordType } from '../../src/dns/types.js';
import type { DnsSimulator } from '../../src/simulators/dns/server.js';
import { ANSWER_TIMEOUT_MS, SILENT_TIMEOUT_MS, endWaits, holdDeadlines, openSockets, resolverFor, startSimulator } from './helpers.js';

let simulator: DnsSimulator;

beforeEach(async () => {
  simulator = await startSimulator();
});

afterEach(async () => {
  vi.useRealTimers();
  await simulator.stop();
});

describe('outcomes', () => {
  it.each<[string, string, RecordType, DnsOutcome]>([
    ['a record of the asked type', 'ns1.test.example', 'A', 'answer'],
    ['a name with other types only', 'test.example', 'AAAA', 'nodata'],
    ['an empty non-terminal', 'deep.test.example', 'A', 'nodata'],
    ['a name that does not exist', 'nope.test.example', 'A', 'nxdomain'],
    ['a name in no served zone', 'shop.elsewhere.example', 'A', 'refused'],
  ])('%s → %s', async (_, name, type, outcome) => {
    const response = await resolverFor([simulator]).query(name, type);
    expect(response.outcome).toBe(outcome);
    if (outcome !== 'answer') expect(response.records).toEqual([]);
  });

  it('keeps every outcome distinct, failures included', async () => {
    simulator.setFaults({
      rules: [
        { name: 'broken.test.example', fault: 'servfail' },
        { name: 'silent.test.example', fault: 'drop' },
      ],
    });
    holdDeadlines();
    const resolver = resolverFor([simulator]);
    const outcomes = [
      ['ns1.test.example', 'A'],
      ['test.example', 'AAAA'],
      ['nope.test.example', 'A'],
      ['broken.test.example', 'A'],
      ['shop.elsewhere.example', 'A'],
      ['silent.test.example', 'A'],
      ['loop1.test.example', 'A'],
    ].map(async ([name, type]) => (await resolver.query(name as string, type as RecordType)).outcome);
    const answered = outcomes.filter((_, index) => index !== 5);
    // Every answer in before the silent question's wait is ended: ending it ends every wait still open.
    await Promise.all(answered);
    await endWaits(simulator, { name: 'silent.test.example' }, 1);
    expect(await Promise.all(outcomes)).toEqual(['answer', 'nodata', 'nxdomain', 'servfail', 'refused', 'timeout', 'error']);
  });

  it('reports servfail and timeout with what the server did', async () => {
    simulator.setFaults({ rules: [{ name: 'ns1.test.example', type: 'A', fault: 'servfail' }, { name: 'ns2.test.example', fault: 'drop' }] });
    const servfail = await resolverFor([simulator], { retries: 1 }).query('ns1.test.example', 'A');
    expect(servfail).toMatchObject({ outcome: 'servfail', records: [], error: expect.stringContaining('SERVFAIL') });
    const silent = resolverFor([simulator], { retries: 1, timeoutMs: SILENT_TIMEOUT_MS });
    const timeout = await silent.query('ns2.test.example', 'A');
    expect(timeout).toMatchObject({ outcome: 'timeout', error: expect.stringContaining(`did not answer within ${SILENT_TIMEOUT_MS} ms (2 times)`) });
    expect(silent.log()).toMatchObject([{ name: 'ns2.test.example', outcome: 'timeout', attempts: 2 }]);
    // The second packet may still be on its way when the resolver gives up on it.
    await vi.waitFor(() => expect(simulator.counter.count({ name: 'ns2.test.example' })).toBe(2), { timeout: ANSWER_TIMEOUT_MS });
  });

  it('only the asked type makes an answer (the rule applies per type)', async () => {
    simulator.addFault({ name: 'MX2.test.example.', type: 'AAAA', fault: 'nxdomain' });
    const resolver = resolverFor([simulator]);
    expect((await resolver.query('mx2.test.example', 'AAAA')).outcome).toBe('nxdomain');
    expect((await resolver.query('mx2.test.example', 'A')).records.map((record) => record.value)).toEqual(['198.51.100.26']);
  });
});

describe('records', () => {
  it('joins TXT strings with nothing between them and decodes escapes', async () => {
    const resolver = resolverFor([simulator]);
    const spf = await resolver.query('test.example', 'TXT');
    expect(spf.records).toEqual([
      { name: 'test.example', type: 'TXT', ttl: 300, value: 'v=spf1 ip4:198.51.100.0/24 include:_spf.provider.example -all' },
    ]);
    const escaped = await resolver.query('escaped.test.example', 'TXT');
    expect(escaped.records[0]?.value).toBe('say "hi" \\ back;slash');
  });

  it('gives MX as preference and exchange, names lower-case without the trailing dot', async () => {
    const response = await resolverFor([simulator]).query('Test.Example.', 'MX');
    expect(response.name).toBe('test.example');
    expect(response.records).toEqual([
      { name: 'test.example', type: 'MX', ttl: 300, value: { preference: 10, exchange: 'mx1.test.example' } },
      { name: 'test.example', type: 'MX', ttl: 300, value: { preference: 20, exchange: 'mx2.test.example' } },
    ]);
  });

  it('finds PTR records by reverse name', async () => {
    const response = await resolverFor([simulator]).query(reverseName('198.51.100.25'), 'PTR');
    expect(response.records.map((record) => record.value)).toEqual(['mx1.test.example']);
  });

  it('gets wildcard answers under the asked name', async () => {
    const response = await resolverFor([simulator]).query('anything.wild.test.example', 'A');
    expect(response.records).toEqual([{ name: 'anything.wild.test.example', type: 'A', ttl: 300, value: '198.51.100.77' }]);
  });
});

describe('truncation', () => {
  it('retries a truncated answer over TCP and gets it whole', async () => {
    simulator.addFault({ name: '_dmarc.test.example', fault: 'truncate' });
    const resolver = resolverFor([simulator]);
    const response = await resolver.query('_dmarc.test.example', 'TXT');
    expect(response.records.map((record) => record.value)).toEqual(['v=DMARC1; p=reject; rua=mailto:dmarc@test.example']);
    expect(simulator.counter.count({ name: '_dmarc.test.example', transport: 'udp' })).toBe(1);
    expect(simulator.counter.count({ name: '_dmarc.test.example', transport: 'tcp' })).toBe(1);
    expect(resolver.log()).toMatchObject([{ name: '_dmarc.test.example', outcome: 'answer', transport: 'tcp', attempts: 2 }]);
  });

  it('receives a 62 KB TXT set over TCP, however the stream is chunked', async () => {
    const resolver = resolverFor([simulator]);
    const response = await resolver.query('big.test.example', 'TXT');
    expect(response.outcome).toBe('answer');
    expect(response.records).toHaveLength(240);
    expect(response.records.every((record) => typeof record.value === 'string' && record.value.length === 230)).toBe(true);
    expect(response.records[239]?.value).toMatch(/^big-240-/);
    expect(resolver.log()[0]?.transport).toBe('tcp');
  });
});

describe('forged answers', () => {
  it('ignores an answer under another id and takes the real one that follows', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'wrongId' });
    const response = await resolverFor([simulator]).query('shop.test.example', 'A');
    expect(response.records.map((record) => record.value)).toEqual(['198.51.100.80']);
  });

  it('times out when only a wrong-id answer comes', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'wrongId', alsoAnswer: false });
    const response = await resolverFor([simulator], { timeoutMs: SILENT_TIMEOUT_MS }).query('shop.test.example', 'A');
    expect(response.outcome).toBe('timeout');
  });
});

describe('fail-over', () => {
  let second: DnsSimulator;
  beforeEach(async () => {
    second = await startSimulator();
  });
  afterEach(async () => {
    await second.stop();
  });

  it.each(['drop', 'servfail', 'refused'] as const)('moves to the next server when the first one does %s', async (fault) => {
    holdDeadlines();
    simulator.addFault({ name: 'shop.test.example', fault });
    const resolver = resolverFor([simulator, second]);
    const pending = resolver.query('shop.test.example', 'A');
    if (fault === 'drop') await endWaits(simulator, { name: 'shop.test.example' }, 1);
    const response = await pending;
    expect(response.outcome).toBe('answer');
    expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(1);
    expect(second.counter.count({ name: 'shop.test.example' })).toBe(1);
    expect(resolver.log()).toMatchObject([{ server: `127.0.0.1:${second.address.port}`, attempts: 2, outcome: 'answer' }]);
  });

  it('retries the same server before moving on when it is silent', async () => {
    holdDeadlines();
    simulator.addFault({ name: 'shop.test.example', fault: 'drop' });
    const resolver = resolverFor([simulator, second], { retries: 1 });
    const pending = resolver.query('shop.test.example', 'A');
    await endWaits(simulator, { name: 'shop.test.example' }, 1);
    await endWaits(simulator, { name: 'shop.test.example' }, 2);
    expect((await pending).outcome).toBe('answer');
    expect(second.counter.count({ name: 'shop.test.example' })).toBe(1);
  });

  it('reports the last failure, naming every server, when all fail', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'servfail' });
    second.addFault({ name: 'shop.test.example', fault: 'drop' });
    holdDeadlines();
    const pending = resolverFor([simulator, second]).query('shop.test.example', 'A');
    await endWaits(second, { name: 'shop.test.example' }, 1);
    const response = await pending;
    expect(response.outcome).toBe('timeout');
    expect(response.error).toContain(`127.0.0.1:${simulator.address.port} answered SERVFAIL`);
    expect(response.error).toContain(`127.0.0.1:${second.address.port} did not answer`);
  });
});

describe('cache and in-flight de-duplication', () => {
  it('sends one packet for many concurrent identical questions, and none for later ones', async () => {
    simulator.setFaults({ latencyMs: 20 });
    const resolver = resolverFor([simulator]);
    const responses = await Promise.all(Array.from({ length: 10 }, () => resolver.query('shop.test.example', 'A')));
    expect(new Set(responses.map((response) => response.records[0]?.value))).toEqual(new Set(['198.51.100.80']));
    await resolver.query('SHOP.test.example.', 'A');
    expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(1);
    expect(resolver.stats()).toEqual({ sent: 1, distinct: 1 });
    expect(resolver.log()).toHaveLength(1);
  });

  it('asks again once the TTL has passed', async () => {
    let now = 1_000_000;
    const resolver = resolverFor([simulator], { now: () => now });
    await resolver.query('shop.test.example', 'A');
    now += 299_000;
    await resolver.query('shop.test.example', 'A');
    expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(1);
    now += 2_000;
    await resolver.query('shop.test.example', 'A');
    expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(2);
    expect(resolver.stats()).toEqual({ sent: 2, distinct: 1 });
  });

  it('remembers NXDOMAIN and NODATA for the SOA minimum (60 s)', async () => {
    let now = 0;
    const resolver = resolverFor([simulator], { now: () => now });
    await resolver.query('nope.test.example', 'A');
    await resolver.query('test.example', 'AAAA');
    now += 59_000;
    expect((await resolver.query('nope.test.example', 'A')).outcome).toBe('nxdomain');
    expect((await resolver.query('test.example', 'AAAA')).outcome).toBe('nodata');
    expect(simulator.counter.total).toBe(2);
    now += 2_000;
    await resolver.query('nope.test.example', 'A');
    expect(simulator.counter.total).toBe(3);
  });

  it('does not remember failures', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'servfail' });
    const resolver = resolverFor([simulator]);
    await resolver.query('shop.test.example', 'A');
    simulator.clearFaults();
    expect((await resolver.query('shop.test.example', 'A')).outcome).toBe('answer');
    expect(resolver.stats()).toEqual({ sent: 2, distinct: 1 });
  });
});

describe('CNAME chains', () => {
  it('follows a chain inside one answer', async () => {
    const resolver = resolverFor([simulator]);
    const response = await resolver.query('alias1.test.example', 'A');
    expect(response).toMatchObject({ outcome: 'answer', cnames: ['alias2.test.example', 'www.test.example', 'shop.test.example'] });
    expect(response.records).toEqual([{ name: 'shop.test.example', type: 'A', ttl: 300, value: '198.51.100.80' }]);
    expect(resolver.stats()).toEqual({ sent: 1, distinct: 1 });
  });

  it('asks for a target the answer left unresolved', async () => {
    const resolver = resolverFor([simulator]);
    const response = await resolver.query('sel1._domainkey.test.example', 'TXT');
    expect(response).toMatchObject({ name: 'sel1._domainkey.test.example', outcome: 'answer', cnames: ['sel1._domainkey.provider.example'] });
    expect(response.records[0]?.value).toMatch(/^v=DKIM1; k=rsa; p=/);
    expect(resolver.log().map((entry) => entry.name)).toEqual(['sel1._domainkey.test.example', 'sel1._domainkey.provider.example']);
    expect(resolver.stats()).toEqual({ sent: 2, distinct: 2 });
  });

  it('reports a chain to nowhere as nxdomain and a circular one as an error', async () => {
    const resolver = resolverFor([simulator]);
    expect(await resolver.query('dangling.test.example', 'A')).toMatchObject({ outcome: 'nxdomain', cnames: ['missing.test.example'] });
    expect(await resolver.query('loop1.test.example', 'A')).toMatchObject({ outcome: 'error', error: expect.stringContaining('CNAME loop') });
  });

  it('answers a question for the CNAME itself without following it', async () => {
    const response = await resolverFor([simulator]).query('www.test.example', 'CNAME');
    expect(response).toMatchObject({ outcome: 'answer', cnames: [], records: [{ value: 'shop.test.example' }] });
  });
});

describe('cancellation', () => {
  it('rejects with the reason when the signal aborts, and closes the socket', async () => {
    simulator.addFault({ name: 'shop.test.example', fault: 'drop' });
    // Earlier tests' sockets may still be closing: start from the simulator's own UDP socket alone.
    await vi.waitFor(() => expect(openSockets()).toBe(1), { timeout: ANSWER_TIMEOUT_MS });
    const before = openSockets();
    const controller = new AbortController();
    const pending = resolverFor([simulator], { timeoutMs: 60_000 }).query('shop.test.example', 'A', controller.signal);
    await vi.waitFor(() => expect(simulator.counter.count({ name: 'shop.test.example' })).toBe(1), { timeout: ANSWER_TIMEOUT_MS });
    expect(openSockets()).toBe(before + 1);
    const reason = new Error('user pressed Ctrl-C');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await vi.waitFor(() => expect(openSockets()).toBe(before), { timeout: ANSWER_TIMEOUT_MS });
  });

  it('rejects at once, sending nothing, when the resolver signal has already aborted', async () => {
    const resolver = resolverFor([simulator], { signal: AbortSignal.abort(new Error('time limit')) });
    await expect(resolver.query('shop.test.example', 'A')).rejects.toThrow('time limit');
    expect(simulator.counter.total).toBe(0);
  });

  it('listens once on a signal that many questions share', async () => {
    simulator.setFaults({ latencyMs: 50 });
    const shared = new AbortController().signal;
    const resolver = resolverFor([simulator]);
    const names = Array.from({ length: 50 }, (_, index) => `host${index}.wild.test.example`);
    const pending = Promise.all(names.map((name) => resolver.query(name, 'A', shared)));
    await vi.waitFor(() => expect(simulator.counter.total).toBe(50), { timeout: ANSWER_TIMEOUT_MS });
    expect(getEventListeners(shared, 'abort').length).toBe(1);
    expect((await pending).every((response) => response.outcome === 'answer')).toBe(true);
  });

  it('keeps a shared exchange going for the callers that did not give up', async () => {
    simulator.setFaults({ latencyMs: 50 });
    const resolver = resolverFor([simulator]);
    const quitter = new AbortController();
    const first = resolver.query('shop.test.example', 'A', quitter.signal);
    const second = resolver.query('shop.test.example', 'A');
    quitter.abort(new Error('gave up'));
    await expect(first).rejects.toThrow('gave up');
    expect((await second).outcome).toBe('answer');
    expect(simulator.counter.total).toBe(1);
  });
});

describe('query log', () => {
  it('records each network question with server, transport and attempts', async () => {
    const resolver = resolverFor([simulator]);
    await resolver.query('ns1.test.example', 'A');
    await resolver.query('ns1.test.example', 'A');
    const [entry, ...rest] = resolver.log();
    expect(rest).toEqual([]);
    const server = `127.0.0.1:${simulator.address.port}`;
    expect(entry).toMatchObject({ name: 'ns1.test.example', type: 'A', outcome: 'answer', server, transport: 'udp', attempts: 1 });
  });

  it('measures a question from its first packet to its answer, latency included', async () => {
    // A lower bound only: the server's delay must show, however slow the machine (an upper bound would not hold).
    simulator.setFaults({ latencyMs: 150 });
    const resolver = resolverFor([simulator]);
    const started = performance.now();
    await resolver.query('ns1.test.example', 'A');
    const waited = performance.now() - started;
    const [entry] = resolver.log();
    expect(entry?.elapsedMs).toBeGreaterThanOrEqual(140);
    expect(entry?.elapsedMs).toBeLessThanOrEqual(Math.ceil(waited));
  });
});

describe('configuration', () => {
  it('refuses servers named by host name, an empty server list and nonsense limits', () => {
    expect(() => resolverFor([], { servers: [{ host: 'dns.example', port: 53 }] })).toThrow('must be an IP address');
    expect(() => resolverFor([], { servers: [] })).toThrow('at least one server');
    expect(() => resolverFor([simulator], { timeoutMs: 0 })).toThrow(RangeError);
    expect(() => resolverFor([simulator], { retries: -1 })).toThrow(RangeError);
  });
});
