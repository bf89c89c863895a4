import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../src/engine/define-check.js';
import { cases, run, type Case } from './cases.js';

/**
 * No `expected` contradicts its status: a pass meets every requirement its `expected` states, a warn or a fail
 * misses one. Each requirement is checked here from the verdict's evidence (or the plan in the case), written
 * independently of the rules, so an `expected` showing another threshold than the one that decided shows up.
 */

type Evidence = Record<string, unknown>;
type Check = (verdict: Verdict, evidence: Evidence, c: Case) => boolean;

const number = (text: string): number => Number(text.replaceAll(',', ''));
/** "0.1%" → 0.001, exact to the decimal written. */
const share = (text: string): number => Number(`${text}e-2`);
const isEmpty = (value: unknown): boolean => Array.isArray(value) && value.length === 0;

type Step = { from: number; to: number };

/** Each sending day against the sending day before it: from the plan the case wrote, and the steps the verdict names. */
const stepsOf = (c: Case, verdict: Verdict): Step[] => {
  const ips = (c.config as { ips: { address: string; plan?: number[] }[] }).ips;
  const volumes = (ips.find((ip) => ip.address === verdict.subject)?.plan ?? []).filter((volume) => volume > 0);
  const named = ((verdict.evidence as { steps?: Step[] } | undefined)?.steps ?? []);
  return [...volumes.slice(1).map((to, i) => ({ from: volumes[i] ?? 0, to })), ...named];
};

const within = (max: string, above: string) => (step: Step): boolean => step.from <= number(above) || step.to / step.from <= number(max);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A requirement's wording → how to tell from the verdict whether it was met. */
const requirements: [RegExp, (match: RegExpMatchArray) => Check][] = [
  [/^([\d,]+)\/day ≥ (\d+) days? before \S+$/, (m) => (_v, e) => typeof e.daysBeforePeak === 'number' && e.daysBeforePeak >= number(m[2] ?? '')],
  [/^([\d,]+)\/day on (\S+)$/, (m) => (_v, e) => {
    const series = e.series as { start: string; values: number[] };
    const day = (Date.parse(m[2] ?? '') - Date.parse(series.start)) / 86_400_000;
    return (series.values[day] ?? 0) >= number(m[1] ?? '');
  }],
  [/^at most ([\d,]+)$/, (m) => (_v, e) => (e.volume as number) <= number(m[1] ?? '')],
  [/^≥ (\d+) days? \(.+\)$/, (m) => (_v, e) => (e.days as number) >= number(m[1] ?? '')],
  [/^≤ ([\d.]+)× a day(?: above ([\d,]+)\/day)?$/, (m) => (v, _e, c) => stepsOf(c, v).every(within(m[1] ?? '', m[2] ?? '0'))],
  [/^≤ ([\d.]+)× above ([\d,]+)\/day$/, (m) => (v, _e, c) => stepsOf(c, v).every(within(m[1] ?? '', m[2] ?? ''))],
  [/^no gap of (\d+) days or more$/, (m) => (_v, e) => (e.longestGapDays as number) < number(m[1] ?? '')],
  [/^≥ (\d+) sending days a week$/, () => (_v, e) => isEmpty(e.thinWeeks)],
  [/^start before (\w+) (\d{4})(?: or after (\S+))?$/, (m) => (_v, e) =>
    (e.start as string) < `${m[2]}-${String(MONTHS.indexOf(m[1] ?? '') + 1).padStart(2, '0')}-01` || (m[3] !== undefined && (e.start as string) > m[3])],
  [/^no increase from \S+ to \S+$/, () => (_v, e) => isEmpty(e.increasesDuringPeak)],
  [/^≤ ([\d,]+)\/day per IP$/, (m) => (_v, e) => ((e.highest ?? e.share) as number) <= number(m[1] ?? '')],
  [/^within ([\d.]+)% of plan each day$/, () => (_v, e) => isEmpty(e.offPlan)],
  [/^≤ ([\d.]+)× plan on any day$/, () => (_v, e) => isEmpty(e.overRamp)],
  [/^≥ ([\d.]+)% of plan over the last (\d+) days?$/, (m) => (_v, e) => {
    const recent = e.recent as { sent: number; planned: number };
    return recent.sent >= share(m[1] ?? '') * recent.planned;
  }],
  [/^a row for each day from \S+$/, () => (_v, e) => isEmpty(e.missingDays)],
  [/^an IP listed under ips:$/, () => (v, _e, c) => (c.config as { ips: { address: string }[] }).ips.some((ip) => ip.address === v.subject)],
  [/^≤ ([\d.]+)% over the last (\d+) sending days?$/, (m) => (_v, e) => (e.recent as { rate: number }).rate <= share(m[1] ?? '')],
  [/^volume held after a day above ([\d.]+)%$/, () => (_v, e) => isEmpty(e.spikesNotHeld)],
  [/^< ([\d.]+)%$/, (m) => (_v, e) => (e.rate as number) < share(m[1] ?? '')],
  [/^actuals up to (\d+) days? before today$/, (m) => (_v, e) => typeof e.daysBeforeToday === 'number' && e.daysBeforeToday <= number(m[1] ?? '')],
];

const met = (requirement: string, verdict: Verdict, c: Case): boolean => {
  for (const [pattern, check] of requirements) {
    const match = requirement.match(pattern);
    if (match) return check(match)(verdict, (verdict.evidence ?? {}) as Evidence, c);
  }
  throw new Error(`no way to check the requirement "${requirement}" of ${verdict.rule}`);
};

/** What is wrong with a verdict's `expected`, or undefined. */
const contradiction = (verdict: Verdict, c: Case): string | undefined => {
  if (!['pass', 'warn', 'fail'].includes(verdict.status) || verdict.expected === undefined) return undefined;
  const results = verdict.expected.split('; ').map((requirement) => met(requirement, verdict, c));
  const allMet = results.every(Boolean);
  if (verdict.status === 'pass' && !allMet) return `${verdict.rule} ${verdict.subject}: pass, but "${verdict.expected}" is not met`;
  if (verdict.status !== 'pass' && allMet) return `${verdict.rule} ${verdict.subject}: ${verdict.status}, but "${verdict.expected}" is met`;
  return undefined;
};

describe('ip-warmup: expected never contradicts the status', () => {
  it.each(cases)('$name', (c) => {
    expect(run(c).map((verdict) => contradiction(verdict, c)).filter(Boolean)).toEqual([]);
  });

  it('covers every recorded artifact', () => {
    const recorded = readdirSync(new URL('../../../fixtures/artifacts/ip-warmup/', import.meta.url)).map((file) => file.replace(/\.json$/, ''));
    expect(recorded.filter((name) => !cases.some((c) => c.artifact === name))).toEqual([]);
  });

  it('judges some verdicts of every status it can contradict', () => {
    const statuses = new Set(cases.flatMap((c) => run(c).filter((v) => v.expected !== undefined).map((v) => v.status)));
    expect([...statuses].filter((status) => ['pass', 'warn', 'fail'].includes(status)).sort()).toEqual(['fail', 'pass', 'warn']);
  });
});
