import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import { rules, type SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { evaluateContext, smsConfig, type ConfigInput } from '../gather/simulated.js';
import { readArtifact } from './recording.js';
import { statusesOf, type Expectation } from './statuses.js';

/**
 * quiet-hours and throughput-plan read only the profile's campaigns and sender: the webhook's answers
 * (the compliant recording) play no part, so each case is a config.
 */

type CampaignInput = NonNullable<ConfigInput['campaigns']>[number];
type Case = { name: string; config: ConfigInput; expect: Pick<Expectation, 'quiet-hours' | 'throughput-plan'> };

const NY = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const LA = 'America/Los_Angeles';
const ANCHORAGE = 'America/Anchorage';
const HONOLULU = 'Pacific/Honolulu';

/** A campaign on Black Friday at `time` with the given UTC offset; 120,000 recipients in New York unless said. */
const send = (name: string, time: string, offset: string, extra: Partial<CampaignInput> = {}): CampaignInput => ({
  name,
  sendAt: `2026-11-27T${time}:00${offset}`,
  recipients: 120_000,
  audienceTimezones: [NY],
  ...extra,
});
const EASTERN = '-05:00';
const CENTRAL = '-06:00';
const PACIFIC = '-08:00';

const quiet = (campaigns: CampaignInput[]): ConfigInput => ({ campaigns });
const plan = (throughput: ConfigInput['throughput'], campaigns: CampaignInput[]): ConfigInput => ({ throughput, campaigns });
/** Noon Eastern to New York and Los Angeles: 540 minutes until 21:00 in New York, the tighter zone. */
const noon = (name: string, extra: Partial<CampaignInput> = {}): CampaignInput => send(name, '12:00', EASTERN, { audienceTimezones: [NY, LA], ...extra });

const cases: Case[] = [
  // quiet-hours: 08:00–21:00 at the recipient, 20:00 in Florida, Oklahoma and Maryland
  { name: 'no campaigns', config: {}, expect: { 'quiet-hours': 'skip', 'throughput-plan': 'skip' } },
  { name: 'noon Eastern is 09:00 in Los Angeles', config: quiet([noon('noon')]), expect: { 'quiet-hours': 'pass' } },
  { name: 'doors open at 06:00 Eastern', config: quiet([send('doors open', '06:00', EASTERN)]), expect: { 'quiet-hours': 'fail' } },
  { name: '10:00 Eastern is 07:00 in Los Angeles', config: quiet([send('early', '10:00', EASTERN, { audienceTimezones: [NY, CHICAGO, LA] })]), expect: { 'quiet-hours': 'fail' } },
  {
    name: 'noon Eastern across the country: 08:00 in Anchorage, 07:00 in Honolulu',
    config: quiet([
      send('mainland and Alaska', '12:00', EASTERN, { audienceTimezones: [NY, CHICAGO, DENVER, LA, ANCHORAGE] }),
      send('with Hawaii', '12:00', EASTERN, { audienceTimezones: [NY, CHICAGO, DENVER, LA, ANCHORAGE, HONOLULU] }),
    ]),
    expect: { 'quiet-hours': { 'mainland and Alaska': 'pass', 'with Hawaii': 'fail' } },
  },
  { name: 'exactly 08:00 opens the window', config: quiet([send('on the dot', '08:00', EASTERN)]), expect: { 'quiet-hours': 'pass' } },
  { name: 'exactly 21:00 closes it', config: quiet([send('too late', '21:00', PACIFIC, { audienceTimezones: [LA] })]), expect: { 'quiet-hours': 'fail' } },
  { name: '20:59 Pacific: no 8 pm state there', config: quiet([send('last minute', '20:59', PACIFIC, { audienceTimezones: [LA], audienceStates: ['FL'] })]), expect: { 'quiet-hours': 'pass' } },
  {
    name: 'the offset in sendAt decides: 08:00 at -04:00 is 07:00 in New York in November',
    config: quiet([send('summer offset', '08:00', '-04:00')]),
    expect: { 'quiet-hours': 'fail' },
  },
  { name: '21:30 Eastern', config: quiet([send('late', '21:30', EASTERN)]), expect: { 'quiet-hours': 'fail' } },
  { name: '20:30 Eastern to an audience with Florida', config: quiet([send('Florida', '20:30', EASTERN, { audienceStates: ['FL'] })]), expect: { 'quiet-hours': 'fail' } },
  { name: '20:30 Eastern to an audience with Maryland', config: quiet([send('Maryland', '20:30', EASTERN, { audienceStates: ['MD'] })]), expect: { 'quiet-hours': 'fail' } },
  { name: '20:30 Eastern, audience states not given: Florida and Maryland may be in it', config: quiet([send('unknown states', '20:30', EASTERN)]), expect: { 'quiet-hours': 'warn' } },
  { name: '20:30 Eastern to Oklahoma, which is Central', config: quiet([send('Oklahoma elsewhere', '20:30', EASTERN, { audienceStates: ['OK'] })]), expect: { 'quiet-hours': 'warn' } },
  { name: '20:30 Central to an audience with Oklahoma', config: quiet([send('Oklahoma', '20:30', CENTRAL, { audienceTimezones: [CHICAGO], audienceStates: ['OK'] })]), expect: { 'quiet-hours': 'fail' } },
  { name: '20:30 Pacific, Florida in the audience elsewhere', config: quiet([send('West Coast', '20:30', PACIFIC, { audienceTimezones: [LA], audienceStates: ['FL'] })]), expect: { 'quiet-hours': 'pass' } },

  // throughput-plan: segments ÷ the sender's rate against the minutes left in the tightest zone
  { name: 'campaigns but no sender', config: quiet([noon('no sender')]), expect: { 'throughput-plan': 'skip' } },
  { name: 'a short code (100 MPS): 120,000 in 20 minutes', config: plan({ kind: 'short-code' }, [noon('short code')]), expect: { 'throughput-plan': 'pass' } },
  { name: 'toll-free (3 MPS): 120,000 need 667 of 540 minutes', config: plan({ kind: 'toll-free' }, [noon('toll-free')]), expect: { 'throughput-plan': 'fail' } },
  { name: 'toll-free: 90,000 need 500 minutes', config: plan({ kind: 'toll-free' }, [noon('toll-free', { recipients: 90_000 })]), expect: { 'throughput-plan': 'pass' } },
  { name: 'toll-free: 90,000 with Florida in the audience, closing at 20:00 (480 minutes)', config: plan({ kind: 'toll-free' }, [noon('toll-free', { recipients: 90_000, audienceStates: ['FL'] })]), expect: { 'throughput-plan': 'fail' } },
  { name: 'toll-free: 50,000 of two segments need 556 minutes', config: plan({ kind: 'toll-free' }, [noon('emoji', { recipients: 50_000, segments: 2 })]), expect: { 'throughput-plan': 'fail' } },
  { name: 'toll-free at a profile rate of 10 MPS', config: plan({ kind: 'toll-free', mps: 10 }, [noon('toll-free')]), expect: { 'throughput-plan': 'pass' } },
  { name: '10DLC, vetting score 80 (75 MPS, 200,000 a day): 150,000', config: plan({ kind: '10dlc', vettingScore: 80 }, [noon('10dlc', { recipients: 150_000 })]), expect: { 'throughput-plan': 'pass' } },
  { name: "10DLC, vetting score 80: 250,000 is over T-Mobile's daily cap", config: plan({ kind: '10dlc', vettingScore: 80 }, [noon('10dlc', { recipients: 250_000 })]), expect: { 'throughput-plan': 'fail' } },
  { name: '10DLC, vetting score 60 (40 MPS, 40,000 a day): 39,000', config: plan({ kind: '10dlc', vettingScore: 60 }, [noon('10dlc', { recipients: 39_000 })]), expect: { 'throughput-plan': 'pass' } },
  { name: "10DLC, vetting score 60: 41,000 is over T-Mobile's cap", config: plan({ kind: '10dlc', vettingScore: 60 }, [noon('10dlc', { recipients: 41_000 })]), expect: { 'throughput-plan': 'fail' } },
  { name: '10DLC, vetting score 30 (4 MPS, 10,000 a day): 9,000 in 38 minutes', config: plan({ kind: '10dlc', vettingScore: 30 }, [noon('10dlc', { recipients: 9_000 })]), expect: { 'throughput-plan': 'pass' } },
  { name: '10DLC, vetting score 30: 9,000 starting at 20:30 Eastern', config: plan({ kind: '10dlc', vettingScore: 30 }, [send('late 10dlc', '20:30', EASTERN, { recipients: 9_000 })]), expect: { 'throughput-plan': 'fail' } },
  { name: "10DLC, vetting score 10: 2,500 is over T-Mobile's 2,000", config: plan({ kind: '10dlc', vettingScore: 10 }, [noon('10dlc', { recipients: 2_500 })]), expect: { 'throughput-plan': 'fail' } },
  {
    name: 'a send that starts after the window closed has no minutes at all',
    config: plan({ kind: 'short-code' }, [send('Florida night', '20:30', EASTERN, { recipients: 100, audienceStates: ['FL'] })]),
    expect: { 'throughput-plan': 'fail' },
  },
  {
    name: 'one verdict per campaign',
    config: plan({ kind: 'toll-free' }, [noon('small', { recipients: 1_000 }), noon('large', { recipients: 1_000_000 })]),
    expect: { 'throughput-plan': { small: 'pass', large: 'fail' } },
  },
];

const run = (config: ConfigInput): Verdict<SmsRule>[] => {
  const artifact = readArtifact('compliant');
  return evaluate(artifact, smsConfig(artifact.webhook, config), evaluateContext).filter((verdict) => verdict.rule === 'quiet-hours' || verdict.rule === 'throughput-plan');
};

describe('sms-routing campaign rules over profile configs', () => {
  it.each(cases)('$name', (c) => {
    expect(statusesOf(run(c.config), c.expect)).toEqual(c.expect);
  });

  it('has a pass, a fail and a skip case for each', () => {
    for (const rule of ['quiet-hours', 'throughput-plan'] as const) {
      for (const status of ['pass', 'fail', 'skip'] as const) {
        expect(
          cases.some((c) => {
            const wanted = c.expect[rule];
            return wanted === status || (typeof wanted === 'object' && Object.values(wanted).includes(status));
          }),
          `${rule} ${status}`,
        ).toBe(true);
      }
    }
  });

  it('names the zone and the local time that break quiet hours', () => {
    const [verdict] = run(quiet([send('with Hawaii', '12:00', EASTERN, { audienceTimezones: [NY, LA, HONOLULU] })]));
    expect(verdict).toMatchObject({
      status: 'fail',
      message: '"with Hawaii" starts at 07:00 in Pacific/Honolulu, inside quiet hours (21:00–08:00 local).',
      found: `12:00 ${NY}, 09:00 ${LA}, 07:00 ${HONOLULU}`,
    });
  });

  it('says a 06:00 send falls inside quiet hours, under a title that says so', () => {
    const [verdict] = run(quiet([send('doors open', '06:00', EASTERN)]));
    expect(verdict).toMatchObject({ status: 'fail', message: `"doors open" starts at 06:00 in ${NY}, inside quiet hours (21:00–08:00 local).`, expected: '08:00–21:00 local' });
    expect(rules['quiet-hours']).toMatchObject({ title: 'Campaigns send outside quiet hours', failureTitle: 'A campaign sends inside quiet hours' });
    const [strict] = run(quiet([send('Florida', '20:30', EASTERN, { audienceStates: ['FL'] })]));
    expect(strict).toMatchObject({ message: `"Florida" starts at 20:30 in ${NY}, inside the quiet hours of FL (20:00–08:00 local).`, expected: '08:00–20:00 local in FL' });
  });

  it.each([
    [{ kind: 'short-code' } as const, 200_000, /a short code is already the fastest sender/],
    [{ kind: 'toll-free' } as const, 120_000, /move the campaign to a short code/],
    [{ kind: '10dlc', vettingScore: 30 } as const, 9_000, /raise the brand's vetting score/],
  ])("gives a fix that fits the sender it has (%o)", (throughput, recipients, fix) => {
    const [, verdict] = run(plan(throughput, [send('late', '20:45', EASTERN, { recipients })]));
    expect(verdict?.status).toBe('fail');
    expect(verdict?.fix).toMatch(fix);
    if (throughput.kind === 'short-code') expect(verdict?.fix).not.toMatch(/move .* to a short code/);
  });

  it("shows the sender's rate and the window it was measured against", () => {
    const [, verdict] = run(plan({ kind: 'toll-free' }, [noon('toll-free')]));
    expect(verdict?.evidence).toEqual({ segments: 120_000, mps: 3, basis: 'toll-free, 3 MPS', minutesNeeded: 667, minutesAvailable: 540, tightestZone: NY, dailyCap: null });
    const [, tenDlc] = run(plan({ kind: '10dlc', vettingScore: 30 }, [noon('10dlc', { recipients: 9_000 })]));
    expect(tenDlc?.evidence).toMatchObject({ mps: 4, dailyCap: 10_000, minutesNeeded: 38 });
  });
});
