import type { Journey } from '../journey/types.js';
import type { JourneyResult, Percentiles, RunResult, StepResult, ThrottleForm, ThrottleSeen } from '../load/types.js';
import { UsageError } from '../lib/errors.js';
import { JOURNEY_COUNTERS, JOURNEY_DURATION, STEP_COUNTERS, THROTTLE_COUNTERS, journeySelector, scenarioSelector, selectorSafe, stepSelector } from './metrics.js';
import { normaliseSummary, type NormalSummary, type SummaryFormat } from './summary-shapes.js';

/** A file that is not a k6 end-of-test summary: one line, exit 2. */
export class K6SummaryError extends UsageError {
  override name = 'K6SummaryError';
}

/**
 * A run as k6's summary tells it. A summary holds totals, not the engine's per-second record, so
 * `missing` names every part of `run` that is a stand-in rather than a measurement: a rule that needs
 * one says "not in a k6 summary" instead of judging a zero.
 */
export interface K6Results {
  source: 'k6';
  file: string;
  format: SummaryFormat;
  /** The summary carries the counters the exported script adds (errors, throttling, sessions per journey). */
  fromExportedScript: boolean;
  run: RunResult;
  missing: K6Missing[];
  /** k6's own threshold verdicts, as it judged them. */
  thresholds: { metric: string; expression: string; ok: boolean }[];
  checks: { name: string; passes: number; fails: number }[];
}

export type K6Missing =
  /** No per-second samples: throughput per stage and "stopped answering at" cannot be judged. */
  | { part: 'perSecond' | 'stages' | 'generator' | 'throttling.firstAtMs' | 'throttling.retryAfterSeconds'; why: string }
  /** Percentiles summaryTrendStats did not keep: their values are 0, not measured. */
  | { part: 'latency'; percentiles: (keyof Percentiles)[]; why: string }
  /** The script did not count these per step (not the exported script): their values are 0, not measured. */
  | { part: 'steps.errors' | 'throttling' | 'journeys.outcomes'; why: string };

const TREND_KEYS: [keyof Percentiles, string][] = [['count', 'count'], ['p50', 'med'], ['p90', 'p(90)'], ['p95', 'p(95)'], ['p99', 'p(99)'], ['max', 'max'], ['mean', 'avg']];

const NOT_MEASURED = 'a k6 end-of-test summary holds totals only';

/** `http_reqs{journey:native,name:add to cart}` → its metric and tags. */
const parseKey = (key: string): { metric: string; tags: Record<string, string> } => {
  const open = key.indexOf('{');
  if (open === -1 || !key.endsWith('}')) return { metric: key, tags: {} };
  const tags = Object.fromEntries(
    key
      .slice(open + 1, -1)
      .split(',')
      .filter((pair) => pair.includes(':'))
      .map((pair) => [pair.slice(0, pair.indexOf(':')).trim(), pair.slice(pair.indexOf(':') + 1).trim()]),
  );
  return { metric: key.slice(0, open), tags };
};

class Reader {
  readonly missingPercentiles = new Set<keyof Percentiles>();
  constructor(readonly summary: NormalSummary) {}

  value(key: string, stat: string): number | undefined {
    return this.summary.metrics.get(key)?.values[stat];
  }

  count(key: string): number {
    return this.value(key, 'count') ?? 0;
  }

  /** A trend's percentiles; those k6 did not keep are 0 and remembered as missing. */
  percentiles(key: string, fallbackCount: number): Percentiles {
    const values = this.summary.metrics.get(key)?.values ?? {};
    const read = (name: keyof Percentiles, stat: string): number => {
      const value = values[stat];
      if (value !== undefined) return value;
      if (name === 'count') return fallbackCount;
      if (fallbackCount > 0) this.missingPercentiles.add(name);
      return 0;
    };
    return Object.fromEntries(TREND_KEYS.map(([name, stat]) => [name, read(name, stat)])) as unknown as Percentiles;
  }

  /** Tag sets under which `metric` appears as a sub-metric. */
  tagged(metric: string): Record<string, string>[] {
    return [...this.summary.metrics.keys()].map(parseKey).filter((parsed) => parsed.metric === metric && Object.keys(parsed.tags).length > 0).map((parsed) => parsed.tags);
  }
}

interface StepKey {
  journey: string;
  step: string;
}

/** The (journey, step) pairs the summary has per-step metrics for, in the journeys' order when given. */
const stepKeys = (reader: Reader, journeys: readonly Journey[]): StepKey[] => {
  const found = [...reader.tagged('http_reqs'), ...reader.tagged('http_req_duration')]
    .filter((tags) => tags.journey !== undefined && tags.name !== undefined)
    .map((tags) => ({ journey: tags.journey!, step: tags.name! }));
  const unique = [...new Map(found.map((key) => [`${key.journey}\u0000${key.step}`, key])).values()];
  const order = journeys.flatMap((journey) => journey.steps.map((step) => `${selectorSafe(journey.name)}\u0000${selectorSafe(step.name)}`));
  const rank = (key: StepKey): number => {
    const at = order.indexOf(`${key.journey}\u0000${key.step}`);
    return at === -1 ? order.length : at;
  };
  return unique.sort((a, b) => rank(a) - rank(b));
};

const stepResult = (reader: Reader, key: StepKey, journeys: readonly Journey[]): StepResult => {
  const written = journeys.find((journey) => selectorSafe(journey.name) === key.journey)?.steps.find((step) => selectorSafe(step.name) === key.step);
  const at = (metric: string): number => reader.count(stepSelector(metric, key.journey, key.step));
  const durationKey = stepSelector('http_req_duration', key.journey, key.step);
  const requests = reader.value(stepSelector('http_reqs', key.journey, key.step), 'count') ?? reader.value(durationKey, 'count') ?? 0;
  const serverErrors = at(STEP_COUNTERS.serverErrors);
  const transport = at(STEP_COUNTERS.transportErrors);
  return {
    journey: key.journey,
    step: key.step,
    method: written?.method ?? '',
    path: written?.path ?? '',
    requests,
    // The script counts 5xx answers that are not throttling as one class: k6 keeps no count per status.
    statuses: serverErrors > 0 ? { '5xx': serverErrors } : {},
    timeouts: at(STEP_COUNTERS.timeouts),
    transportErrors: transport > 0 ? { 'transport error': transport } : {},
    unexpected: at(STEP_COUNTERS.unexpected),
    throttled: Object.values(THROTTLE_COUNTERS).reduce((sum, counter) => sum + at(counter), 0),
    latency: reader.percentiles(durationKey, requests),
  };
};

const throttlesSeen = (reader: Reader, keys: readonly StepKey[]): ThrottleSeen[] =>
  keys.flatMap((key) =>
    (Object.entries(THROTTLE_COUNTERS) as [ThrottleForm, string][])
      .map(([form, counter]) => ({ form, journey: key.journey, step: key.step, count: reader.count(stepSelector(counter, key.journey, key.step)), firstAtMs: 0 }))
      .filter((seen) => seen.count > 0),
  );

/** Journeys by the `journey` tag the exported script adds, else by k6's scenario tag, else the whole run as one. */
const journeyNames = (reader: Reader): string[] => {
  const byJourney = reader.tagged(JOURNEY_COUNTERS.sessions).map((tags) => tags.journey).filter((name) => name !== undefined);
  if (byJourney.length > 0) return [...new Set(byJourney)];
  const byScenario = reader.tagged('iterations').map((tags) => tags.scenario).filter((name) => name !== undefined);
  return byScenario.length > 0 ? [...new Set(byScenario)] : [];
};

const journeyResult = (reader: Reader, name: string, whole: boolean): JourneyResult => {
  const started = whole ? reader.count('iterations') : reader.value(scenarioSelector('iterations', name), 'count') ?? reader.count(journeySelector(JOURNEY_COUNTERS.sessions, name));
  const dropped = whole ? reader.count('dropped_iterations') : reader.count(scenarioSelector('dropped_iterations', name));
  const durationKey = journeySelector(JOURNEY_DURATION, name);
  const completed = reader.value(durationKey, 'count') ?? 0;
  return {
    name,
    planned: started + dropped,
    started,
    dropped,
    completed,
    converting: reader.count(journeySelector(JOURNEY_COUNTERS.converting, name)),
    stoppedAtHandOff: reader.count(journeySelector(JOURNEY_COUNTERS.handOff, name)),
    failed: reader.count(journeySelector(JOURNEY_COUNTERS.failed, name)),
    latency: reader.percentiles(durationKey, completed),
  };
};

/** handleSummary data says how long the run took; a --summary-export file only lets it be worked out from a counter's count and rate. */
const durationOf = (reader: Reader): number => {
  if (reader.summary.testRunDurationMs !== undefined) return reader.summary.testRunDurationMs;
  const count = reader.value('http_reqs', 'count') ?? reader.value('iterations', 'count');
  const rate = reader.value('http_reqs', 'rate') ?? reader.value('iterations', 'rate');
  return count !== undefined && rate !== undefined && rate > 0 ? Math.round((count / rate) * 1_000) : 0;
};

const parseJson = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new K6SummaryError(`${file}: not JSON (${(error as Error).message}); give the file k6 wrote with --summary-export, or JSON.stringify(data) from handleSummary`);
  }
};

/**
 * A k6 end-of-test summary (the `--summary-export` file or `handleSummary` data) as the check's run
 * result, as far as a summary goes. `journeys`, when given, supplies each step's method and path and
 * the steps' order. Throws K6SummaryError (one line, exit 2) for anything else.
 */
export const readK6Summary = (text: string, file: string, journeys: readonly Journey[] = []): K6Results => {
  const summary = normaliseSummary(parseJson(text, file));
  if (!summary) {
    throw new K6SummaryError(
      `${file}: not a k6 end-of-test summary: expected "metrics" and "root_group" as k6 writes them with --summary-export or as handleSummary's data (k6's new machine-readable summary format is not read yet)`,
    );
  }
  const reader = new Reader(summary);
  const fromExportedScript = reader.tagged(JOURNEY_COUNTERS.sessions).length > 0;
  const keys = stepKeys(reader, journeys);
  const names = journeyNames(reader);
  const whole = names.length === 0;
  const journeyResults = whole ? [journeyResult(reader, 'k6', true)] : names.map((name) => journeyResult(reader, name, false));
  const steps = keys.map((key) => stepResult(reader, key, journeys));
  const durationMs = durationOf(reader);
  const started = journeyResults.reduce((sum, journey) => sum + journey.started, 0);
  const dropped = journeyResults.reduce((sum, journey) => sum + journey.dropped, 0);
  const missing: K6Missing[] = [
    { part: 'perSecond', why: `${NOT_MEASURED}: no per-second record, so no "stopped answering at" time` },
    { part: 'stages', why: `${NOT_MEASURED}: the run is one stage, planned = started + dropped` },
    { part: 'generator', why: "k6 does not report its own lag; dropped_iterations counts sessions no VU was free for" },
    { part: 'throttling.firstAtMs', why: `${NOT_MEASURED}: when throttling began is not known` },
    { part: 'throttling.retryAfterSeconds', why: `${NOT_MEASURED}: Retry-After values are not kept` },
    ...(reader.missingPercentiles.size > 0
      ? [{ part: 'latency' as const, percentiles: [...reader.missingPercentiles], why: 'not in the summary: add them to summaryTrendStats (the exported script asks for all of them)' }]
      : []),
    ...(fromExportedScript
      ? []
      : [
          { part: 'steps.errors' as const, why: 'the script did not count errors per step (q4check_server_errors, q4check_timeouts …): not the exported script' },
          { part: 'throttling' as const, why: 'the script did not count throttled answers (q4check_throttled_*): not the exported script' },
          { part: 'journeys.outcomes' as const, why: 'the script did not count completed, failed and handed-off sessions: not the exported script' },
        ]),
  ];
  return {
    source: 'k6',
    file,
    format: summary.format,
    fromExportedScript,
    run: {
      durationMs,
      stages: [{ durationMs, sessionsPerSecond: durationMs > 0 ? ((started + dropped) * 1_000) / durationMs : 0, planned: started + dropped, started, dropped }],
      perSecond: [],
      journeys: journeyResults,
      steps,
      throttling: throttlesSeen(reader, keys),
      generator: { lateStarts: 0, eventLoopDelayP99Ms: 0, cpuShare: 0, behind: false },
    },
    missing,
    thresholds: [...summary.metrics].flatMap(([metric, { thresholds }]) => thresholds.map((threshold) => ({ metric, ...threshold }))),
    checks: summary.checks,
  };
};
