import { describe, expect, it } from 'vitest';
import type { Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import { config as configSchema } from '../../../checks/ip-warmup/config.js';
import { evaluate } from '../../../checks/ip-warmup/evaluate.js';
import { rules } from '../../../checks/ip-warmup/rules.js';
import type { RuleId } from '../../../checks/ip-warmup/types.js';
import { ACTUALS_PLAN, artifact, cases, ctx, one, run, type Case, type Expectation } from './cases.js';

/** The status per subject of each rule the case names. */
const statusesOf = (verdicts: Verdict[], expectation: Expectation): Expectation =>
  Object.fromEntries(
    Object.keys(expectation).map((rule) => [
      rule,
      Object.fromEntries(verdicts.filter((verdict) => verdict.rule === rule).map((verdict) => [verdict.subject, verdict.status])),
    ]),
  );

/** The expected text per subject of each rule the case names. */
const expectedTextsOf = (verdicts: Verdict[], texts: NonNullable<Case['expected']>): Case['expected'] =>
  Object.fromEntries(
    Object.keys(texts).map((rule) => [
      rule,
      Object.fromEntries(verdicts.filter((verdict) => verdict.rule === rule && verdict.subject in (texts[rule as RuleId] ?? {})).map((verdict) => [verdict.subject, verdict.expected])),
    ]),
  );

describe('ip-warmup evaluate', () => {
  it.each(cases)('$name', (c) => {
    expect(statusesOf(run(c), c.expect)).toEqual(c.expect);
  });

  it.each(cases.filter((c) => c.expected !== undefined))('$name: expected names the threshold that decided', (c) => {
    const texts = c.expected ?? {};
    expect(expectedTextsOf(run(c), texts)).toEqual(texts);
  });

  it('covers a pass and a fail for every rule', () => {
    const seen = (status: VerdictStatus) =>
      new Set(cases.flatMap((c) => Object.entries(c.expect).filter(([, bySubject]) => Object.values(bySubject).includes(status)).map(([rule]) => rule)));
    // A stale export is worth a warning, never a failure: it says nothing about the IP itself.
    const warnOnly = new Set(['actuals-current']);
    const ruleIds = Object.keys(rules);
    expect(ruleIds.filter((rule) => !seen('pass').has(rule))).toEqual([]);
    expect(ruleIds.filter((rule) => !seen(warnOnly.has(rule) ? 'warn' : 'fail').has(rule))).toEqual([]);
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
    expect(verdict?.chart?.series[0]?.points.at(-1)).toMatchObject({ date: ctx.peak.end });
    expect(verdict?.evidence).toMatchObject({ reached: '2026-11-03', daysBeforePeak: 24 });
  });

  it('lists the offending growth steps with their limits', () => {
    const config = configSchema.parse(one([1000, 2000, 6000, 7000]));
    const [verdict] = evaluate(artifact('no-actuals'), config, ctx).filter((v) => v.rule === 'ramp-growth');
    expect(verdict?.evidence).toEqual({ steps: [{ date: '2026-08-05', from: 2000, to: 6000, factor: 3, limit: 2.5 }] });
  });
});
