import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvaluateContext, Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import type { IpWarmupArtifact } from '../../../checks/ip-warmup/artifact.js';
import { config as configSchema } from '../../../checks/ip-warmup/config.js';
import { evaluate } from '../../../checks/ip-warmup/evaluate.js';
import { rules } from '../../../checks/ip-warmup/rules.js';
import type { RuleId } from '../../../checks/ip-warmup/types.js';

const ctx: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: true },
  store: { name: 'Test store', timezone: 'UTC' },
};

const artifact = (name: string): IpWarmupArtifact =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/artifacts/ip-warmup/${name}.json`, import.meta.url), 'utf8')) as IpWarmupArtifact;

const A = '198.51.100.20';
const B = '198.51.100.21';
const ALL = 'all IPs';

/** `days` copies of a volume. */
const hold = (volume: number, days: number): number[] => Array.from({ length: days }, () => volume);
/** A gentle ramp: from `first`, ×1.2 a day for `days` days (rounded). */
const gentle = (first: number, days: number): number[] => Array.from({ length: days }, (_, i) => Math.round(first * 1.2 ** i));

const one = (plan: number[], start = '2026-08-03', peakDailyVolume = Math.max(...plan)) => ({
  peakDailyVolume,
  ips: [{ address: A, start, plan }],
});

// The plan the actuals fixtures were recorded against: 2026-11-06 onwards, 10,000/day from day 5.
const ACTUALS_PLAN = { peakDailyVolume: 20_000, actuals: 'sends.csv', ips: [{ address: A, start: '2026-11-06', plan: [1000, 2000, 4000, 8000, 10_000] }] };
const RAMP21 = Array.from({ length: 21 }, (_, i) => 1000 + i * 500);

type Expectation = Partial<Record<RuleId, Record<string, VerdictStatus>>>;
type Case = { name: string; artifact: string; config: unknown; today?: string; expect: Expectation };

const cases: Case[] = [
  // peak-readiness
  {
    name: 'two IPs on the Braze schedule reach the peak in August',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_200_000, ips: [{ address: A, start: '2026-08-03', schedule: 'braze' }, { address: B, start: '2026-08-03', schedule: 'braze' }] },
    expect: { 'peak-readiness': { [ALL]: 'pass' } },
  },
  {
    name: 'the peak volume is reached 18 days before the peak',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 200_000], '2026-10-10', 200_000),
    expect: { 'peak-readiness': { [ALL]: 'warn' } },
  },
  {
    name: 'the peak volume is reached 7 days before the peak',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 200_000], '2026-10-21', 200_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plans never add up to the peak volume',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-08-03', 1_000_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plan reaches the peak volume only during the peak',
    artifact: 'no-actuals',
    config: one([...hold(1000, 117), 100_000], '2026-08-03', 100_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },
  {
    name: 'the plan reaches the peak volume but ends on a pause',
    artifact: 'no-actuals',
    config: one([...gentle(500, 30), 0], '2026-08-03', 90_000),
    expect: { 'peak-readiness': { [ALL]: 'fail' } },
  },

  // ramp-growth
  {
    name: 'a gentle ramp',
    artifact: 'no-actuals',
    config: one([500, 1000, 2000, 4000, 8000, 16_000, 32_000, 48_000, 57_000, 68_000, 81_000, 97_000, 110_000, 121_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'one step of 2.2× at low volume',
    artifact: 'no-actuals',
    config: one([500, 1100, 2000]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
  },
  {
    name: 'a 1.15× step above 250,000/day',
    artifact: 'no-actuals',
    config: one([300_000, 345_000]),
    expect: { 'ramp-growth': { [A]: 'warn' } },
  },
  {
    name: 'a 1.2× step at exactly 250,000/day uses the 100,000 tier',
    artifact: 'no-actuals',
    config: one([250_000, 300_000]),
    expect: { 'ramp-growth': { [A]: 'pass' } },
  },
  {
    name: 'a 3× jump',
    artifact: 'no-actuals',
    config: one([1000, 2000, 6000]),
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },
  {
    name: 'a pause does not reset the comparison: 1,000 then 3,000 after two quiet days',
    artifact: 'no-actuals',
    config: one([1000, 0, 0, 3000]),
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },
  {
    name: 'the SendGrid schedule jumps 10× on day 3',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 600_000, ips: [{ address: A, start: '2026-08-03', schedule: 'sendgrid' }] },
    expect: { 'ramp-growth': { [A]: 'fail' } },
  },

  // first-day-volume
  {
    name: 'day one sends 500',
    artifact: 'no-actuals',
    config: one([500, 1000]),
    expect: { 'first-day-volume': { [A]: 'pass' } },
  },
  {
    name: 'day one sends 1,000',
    artifact: 'no-actuals',
    config: one([1000, 2000]),
    expect: { 'first-day-volume': { [A]: 'warn' } },
  },
  {
    name: 'day one sends 10,000',
    artifact: 'no-actuals',
    config: one([10_000, 20_000]),
    expect: { 'first-day-volume': { [A]: 'fail' } },
  },
  {
    name: 'the plan opens with a pause, then 400',
    artifact: 'no-actuals',
    config: one([0, 400, 800]),
    expect: { 'first-day-volume': { [A]: 'pass' } },
  },
  {
    name: 'a plan that sends nothing',
    artifact: 'no-actuals',
    config: one([0], '2026-08-03', 1000),
    expect: { 'first-day-volume': { [A]: 'skip' }, 'ramp-length': { [A]: 'skip' } },
  },

  // ramp-length
  {
    name: 'the highest volume on day 30',
    artifact: 'no-actuals',
    config: one(gentle(500, 30)),
    expect: { 'ramp-length': { [A]: 'pass' } },
  },
  {
    name: 'the highest volume on day 20',
    artifact: 'no-actuals',
    config: one(gentle(500, 20)),
    expect: { 'ramp-length': { [A]: 'warn' } },
  },
  {
    name: 'the highest volume on day 10',
    artifact: 'no-actuals',
    config: one(gentle(500, 10)),
    expect: { 'ramp-length': { [A]: 'fail' } },
  },

  // sending-gap
  {
    name: 'a plan that sends every day',
    artifact: 'no-actuals',
    config: one(gentle(500, 30)),
    expect: { 'sending-gap': { [A]: 'pass' } },
  },
  {
    name: 'a plan with a 30-day pause',
    artifact: 'no-actuals',
    config: one([1000, 2000, ...hold(0, 30), 2000]),
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'a plan that ends on a pause long before the peak',
    artifact: 'no-actuals',
    config: one([1000, 2000, 4000, 0]),
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'a plan that sends two days a week',
    artifact: 'no-actuals',
    config: one([500, 1000, ...hold(0, 5), 2000, 4000, ...hold(0, 5), 8000, 10_000, ...hold(0, 5), 12_000]),
    expect: { 'sending-gap': { [A]: 'warn' } },
  },
  {
    name: 'actual sends stopped 40 days ago',
    artifact: 'actuals-stopped-sending',
    config: { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-09-01', plan: [1000, 2000, 4000, 8000, 10_000] }] },
    expect: { 'sending-gap': { [A]: 'fail' } },
  },
  {
    name: 'actual sends on two days of one warm-up week',
    artifact: 'actuals-thin-week',
    config: { ...ACTUALS_PLAN, ips: [{ address: A, start: '2026-10-20', plan: RAMP21 }] },
    expect: { 'sending-gap': { [A]: 'warn' } },
  },
  {
    name: 'actual sends every day',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'sending-gap': { [A]: 'pass' } },
  },

  // holiday-start
  {
    name: 'a warm-up started in August',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'a warm-up started in October',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-10-01'),
    expect: { 'holiday-start': { [A]: 'warn' } },
  },
  {
    name: 'a warm-up started in November',
    artifact: 'no-actuals',
    config: one(gentle(500, 10), '2026-11-02'),
    expect: { 'holiday-start': { [A]: 'fail' } },
  },
  {
    name: 'a November start of the previous season is not this season',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2025-11-10'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'a December start after the peak',
    artifact: 'no-actuals',
    config: one(gentle(500, 30), '2026-12-01'),
    expect: { 'holiday-start': { [A]: 'pass' } },
  },
  {
    name: 'an August start still ramping on Black Friday',
    artifact: 'no-actuals',
    config: one([...hold(1000, 116), 1100, 1200], '2026-08-03'),
    expect: { 'holiday-start': { [A]: 'fail' } },
  },

  // per-ip-volume
  {
    name: 'two IPs of 600,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_200_000, ips: [{ address: A, start: '2026-08-03', schedule: 'braze' }, { address: B, start: '2026-08-03', schedule: 'braze' }] },
    expect: { 'per-ip-volume': { [A]: 'pass', [B]: 'pass', [ALL]: 'pass' } },
  },
  {
    name: 'one IP planned to 1,500,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 1_500_000, ips: [{ address: A, start: '2026-08-03', schedule: 'sparkpost' }] },
    expect: { 'per-ip-volume': { [A]: 'warn', [ALL]: 'warn' } },
  },
  {
    name: 'one IP of two planned to 2,500,000/day',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 3_000_000, ips: [{ address: A, start: '2026-08-03', plan: [500, 2_500_000] }, { address: B, start: '2026-08-03', plan: [500, 500_000] }] },
    expect: { 'per-ip-volume': { [A]: 'fail', [B]: 'pass', [ALL]: 'warn' } },
  },
  {
    name: 'two modest plans for a peak that needs three IPs',
    artifact: 'no-actuals',
    config: { peakDailyVolume: 5_000_000, ips: [{ address: A, start: '2026-08-03', plan: [500, 800_000] }, { address: B, start: '2026-08-03', plan: [500, 800_000] }] },
    expect: { 'per-ip-volume': { [A]: 'pass', [B]: 'pass', [ALL]: 'fail' } },
  },

  // actuals: nothing to judge
  {
    name: 'no actuals file in the profile',
    artifact: 'no-actuals',
    config: one(gentle(500, 30)),
    expect: { 'actuals-on-plan': { [ALL]: 'skip' }, 'bounce-rate': { [ALL]: 'skip' }, 'complaint-rate': { [ALL]: 'skip' } },
  },
  {
    name: 'an actuals file that could not be read',
    artifact: 'actuals-unreadable',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [ALL]: 'error' }, 'bounce-rate': { [ALL]: 'error' }, 'complaint-rate': { [ALL]: 'error' } },
  },
  {
    name: 'a warm-up that has not started by today',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    today: '2026-08-01',
    expect: { 'actuals-on-plan': { [A]: 'skip' }, 'bounce-rate': { [A]: 'skip' }, 'complaint-rate': { [A]: 'skip' } },
  },
  {
    name: 'a warm-up that starts today',
    artifact: 'actuals-on-plan',
    config: { ...ACTUALS_PLAN, ips: [{ address: B, start: '2026-11-20', plan: [500, 1000] }] },
    expect: { 'actuals-on-plan': { [B]: 'skip', [A]: 'warn' }, 'bounce-rate': { [B]: 'skip' }, 'complaint-rate': { [B]: 'skip' } },
  },

  // actuals-on-plan
  {
    name: 'sends within 2% of plan',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'pass' } },
  },
  {
    name: 'two days 30% under plan',
    artifact: 'actuals-off-plan-days',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'warn' } },
  },
  {
    name: 'one day at twice the plan',
    artifact: 'actuals-over-ramp',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'fail' } },
  },
  {
    name: 'the last week at 40% of plan',
    artifact: 'actuals-behind-plan',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'fail' } },
  },
  {
    name: 'sends from an IP the profile does not list',
    artifact: 'actuals-unplanned-ip',
    config: ACTUALS_PLAN,
    expect: { 'actuals-on-plan': { [A]: 'pass', '203.0.113.9': 'warn' } },
  },
  {
    name: 'a wider tolerance accepts the days 30% under plan',
    artifact: 'actuals-off-plan-days',
    config: { ...ACTUALS_PLAN, thresholds: { planTolerance: 0.35 } },
    expect: { 'actuals-on-plan': { [A]: 'pass' } },
  },

  // bounce-rate
  {
    name: 'bounces around 1%',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'pass' } },
  },
  {
    name: 'bounces at 7% over the last week',
    artifact: 'actuals-bounce-high',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'fail' } },
  },
  {
    name: 'an 8% bounce day followed by a held volume',
    artifact: 'actuals-bounce-spike-held',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'pass' } },
  },
  {
    name: 'a 9% bounce day followed by more volume',
    artifact: 'actuals-bounce-spike-climbing',
    config: ACTUALS_PLAN,
    expect: { 'bounce-rate': { [A]: 'warn' } },
  },
  {
    name: 'a planned IP with no sends recorded',
    artifact: 'actuals-unplanned-ip',
    config: { ...ACTUALS_PLAN, ips: [{ address: B, start: '2026-11-06', plan: [1000, 2000] }] },
    expect: { 'bounce-rate': { [B]: 'skip' }, 'complaint-rate': { [B]: 'skip' }, 'actuals-on-plan': { [B]: 'fail', [A]: 'warn', '203.0.113.9': 'warn' } },
  },

  // complaint-rate
  {
    name: 'complaints at 0.02%',
    artifact: 'actuals-on-plan',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'pass' } },
  },
  {
    name: 'complaints at 0.15% over the last week',
    artifact: 'actuals-complaints-elevated',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'warn' } },
  },
  {
    name: 'complaints at 0.4% over the last week',
    artifact: 'actuals-complaints-over-limit',
    config: ACTUALS_PLAN,
    expect: { 'complaint-rate': { [A]: 'fail' } },
  },
];

const run = (c: Case): Verdict[] => evaluate(artifact(c.artifact), configSchema.parse(c.config), { ...ctx, today: c.today ?? ctx.today });

/** The status per subject of each rule the case names. */
const statusesOf = (verdicts: Verdict[], expectation: Expectation): Expectation =>
  Object.fromEntries(
    Object.keys(expectation).map((rule) => [
      rule,
      Object.fromEntries(verdicts.filter((verdict) => verdict.rule === rule).map((verdict) => [verdict.subject, verdict.status])),
    ]),
  );

describe('ip-warmup evaluate', () => {
  it.each(cases)('$name', (c) => {
    expect(statusesOf(run(c), c.expect)).toEqual(c.expect);
  });

  it('covers a pass and a fail for every rule', () => {
    const seen = (status: VerdictStatus) =>
      new Set(cases.flatMap((c) => Object.entries(c.expect).filter(([, bySubject]) => Object.values(bySubject).includes(status)).map(([rule]) => rule)));
    const ruleIds = Object.keys(rules);
    expect(ruleIds.filter((rule) => !seen('pass').has(rule))).toEqual([]);
    expect(ruleIds.filter((rule) => !seen('fail').has(rule))).toEqual([]);
  });

  it('gives every rule a verdict for every case', () => {
    for (const c of cases) {
      expect(new Set(run(c).map((verdict) => verdict.rule))).toEqual(new Set(Object.keys(rules)));
    }
  });

  it('returns verdicts that survive JSON unchanged', () => {
    for (const c of cases) {
      const verdicts = run(c);
      expect(JSON.parse(JSON.stringify(verdicts))).toEqual(verdicts);
    }
  });

  it('says in the evidence how many rows after today it ignored', () => {
    const verdicts = run({ name: 'future row', artifact: 'actuals-on-plan', config: ACTUALS_PLAN, expect: {} });
    const actualsVerdicts = verdicts.filter((verdict) => ['actuals-on-plan', 'bounce-rate', 'complaint-rate'].includes(verdict.rule));
    expect(actualsVerdicts.map((verdict) => (verdict.evidence as { rowsAfterTodayIgnored?: number }).rowsAfterTodayIgnored)).toEqual([1, 1, 1]);
  });

  it('attaches the summed plan as a chart with the peak as threshold', () => {
    const config = configSchema.parse(one([500, 1000, 2000], '2026-11-01', 2000));
    const [verdict] = evaluate(artifact('no-actuals'), config, ctx).filter((v) => v.rule === 'peak-readiness');
    expect(verdict?.chart?.threshold).toEqual({ label: 'peak', value: 2000 });
    expect(verdict?.chart?.series[0]?.points.slice(0, 4)).toEqual([
      { date: '2026-11-01', value: 500 },
      { date: '2026-11-02', value: 1000 },
      { date: '2026-11-03', value: 2000 },
      { date: '2026-11-04', value: 2000 },
    ]);
    expect(verdict?.chart?.series[0]?.points.at(-1)?.date).toBe(ctx.peak.end);
    expect(verdict?.evidence).toMatchObject({ reached: '2026-11-03', daysBeforePeak: 24 });
  });

  it('lists the offending growth steps with their limits', () => {
    const config = configSchema.parse(one([1000, 2000, 6000, 7000]));
    const [verdict] = evaluate(artifact('no-actuals'), config, ctx).filter((v) => v.rule === 'ramp-growth');
    expect(verdict?.evidence).toEqual({ steps: [{ date: '2026-08-05', from: 2000, to: 6000, factor: 3, limit: 2.5 }] });
  });
});
