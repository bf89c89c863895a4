import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CartObservations, CheckoutLoadArtifact, RaceSeen, TruthSeen } from '../../../../checks/checkout-load/artifact.js';
import type { CheckoutLoadConfig } from '../../../../checks/checkout-load/config.js';
import type { HammerResult, Percentiles, RunResult, StepResult, ThrottleSeen } from '../../../../src/load/types.js';
import { ROOT } from '../../../helpers/cli.js';
import { sectionFor } from '../gather/simulated.js';
import type { RecordedCase } from './cases.js';

export const ARTIFACTS = path.join(ROOT, 'fixtures/artifacts/checkout-load');

/** Where every recording says the store was: the simulator's port changes on every run, and no rule reads it. */
export const RECORDED_HOST = '127.0.0.1:8080';
export const RECORDED_STORE = `http://${RECORDED_HOST}`;
/** Where every recording says the event collector listened: its port is picked free on every run. */
export const RECORDED_COLLECTOR = '127.0.0.1:9411';

/** The profile section a recording is judged with: its case's, with the store and collector where the recording says (no rule reads a token). */
export const recordedSection = (recorded: RecordedCase): CheckoutLoadConfig =>
  sectionFor(recorded.setup, { store: RECORDED_STORE, collector: RECORDED_COLLECTOR, adminToken: 'not-recorded' });

/**
 * Kept latencies are floored to this grid: the delays the latency cases switch on (750 and 1,500 ms)
 * are multiples of it, so flooring drops most of the loopback's jitter.
 */
const GRID_MS = 50;

const floored = (ms: number, grid: number): number => Math.floor(ms / grid) * grid;

const latency = (kept: boolean) => (value: Percentiles): Percentiles =>
  kept
    ? { count: value.count, p50: floored(value.p50, GRID_MS), p90: floored(value.p90, GRID_MS), p95: floored(value.p95, GRID_MS), p99: floored(value.p99, GRID_MS), max: floored(value.max, GRID_MS), mean: floored(value.mean, GRID_MS) }
    : { ...value, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };

/**
 * Seconds are what the messages quote (rounded); the milliseconds under them are timing. Rounded, not
 * floored: the store's clock starts a few ms before the run's, so a switch at 1,000 ms lands at 990.
 */
const toSecond = (ms: number): number => Math.round(ms / 1_000) * 1_000;

const stableThrottles = (seen: readonly ThrottleSeen[]): ThrottleSeen[] => seen.map((entry) => ({ ...entry, firstAtMs: toSecond(entry.firstAtMs) }));

const stableRun = (run: RunResult<CartObservations>, keep: (value: Percentiles) => Percentiles): RunResult<CartObservations> => ({
  ...run,
  durationMs: toSecond(run.durationMs),
  journeys: run.journeys.map((journey) => ({ ...journey, latency: keep(journey.latency) })),
  steps: run.steps.map((step: StepResult) => ({ ...step, latency: keep(step.latency) })),
  throttling: stableThrottles(run.throttling),
  ...(run.capped ? { capped: { ...run.capped, atMs: toSecond(run.capped.atMs) } } : {}),
  generator: { ...run.generator, eventLoopDelayP99Ms: 0, cpuShare: 0 },
});

/** The hammer's latencies are judged by no rule: always 0. */
const stableHammer = (hammer: HammerResult): HammerResult => ({
  ...hammer,
  durationMs: toSecond(hammer.durationMs),
  steps: hammer.steps.map((step) => ({ ...step, latency: latency(false)(step.latency) })),
  throttling: stableThrottles(hammer.throttling),
});

/** The race's spread and its steps' latencies are timing no rule judges: 0. */
const stableRace = (race: RaceSeen): RaceSeen => ({ ...race, spreadMs: 0, steps: race.steps.map((step) => ({ ...step, latency: latency(false)(step.latency) })) });

/**
 * Checkout tokens are new on every run: their masked beginnings (`c1a2…`) are written as the order they
 * are listed in (`0001…`), which keeps the shape the messages quote.
 */
const stableTruth = (truth: TruthSeen): TruthSeen => {
  let listed = 0;
  const next = (): string => `${String(++listed).padStart(4, '0')}…`;
  return {
    ...truth,
    duplicateOrders: truth.duplicateOrders.map((entry) => ({ ...entry, checkout: next() })),
    lostCheckouts: truth.lostCheckouts.map((entry) => ({ ...entry, checkout: next() })),
  };
};

// An object holding no object or array: a stage, a second, a count. JSON strings hold no raw newline,
// so every newline in the match is layout.
const LEAF_OBJECT = /\{\n[^{}[\]]*?\n\s*\}/g;

/** Indented JSON with each leaf object on one line: a diff shows whole seconds and stages. */
const layout = (value: unknown): string => JSON.stringify(value, null, 2).replace(LEAF_OBJECT, (leaf) => leaf.replace(/\n\s*/g, ' '));

/**
 * The artifact as committed: the store on port 8080 and the collector on 9411; latencies written as 0 except in a latency case,
 * where they are floored to the grid; the generator's own timing written as 0; durations and the time
 * of the first throttle floored to the second (what the messages say); the race's spread as 0; masked
 * checkout tokens numbered.
 */
export const stableJson = (artifact: CheckoutLoadArtifact, recorded: RecordedCase, where: { store: string; collector: string }): string => {
  const keep = latency(recorded.keepLatency === true);
  const stable: CheckoutLoadArtifact = {
    ...artifact,
    ...(artifact.run ? { run: stableRun(artifact.run as RunResult<CartObservations>, keep) } : {}),
    ...(artifact.hammer ? { hammer: stableHammer(artifact.hammer) } : {}),
    ...(artifact.race ? { race: stableRace(artifact.race) } : {}),
    ...(artifact.truth ? { truth: stableTruth(artifact.truth) } : {}),
  };
  return `${layout(stable).replaceAll(new URL(where.store).host, RECORDED_HOST).replaceAll(where.collector, RECORDED_COLLECTOR)}\n`;
};

export const readArtifact = (name: string): CheckoutLoadArtifact => JSON.parse(readFileSync(path.join(ARTIFACTS, `${name}.json`), 'utf8')) as CheckoutLoadArtifact;
