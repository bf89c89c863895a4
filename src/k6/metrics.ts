import type { ThrottleForm } from '../load/types.js';

/**
 * What the exported k6 script records and the summary reader reads back: one list, so the two cannot
 * drift apart. k6 writes a tagged sub-metric (`http_reqs{journey:native,name:add to cart}`) into its
 * end-of-test summary only when a threshold names it, so the script names every one it needs.
 */

/** Counters tagged {journey, name}: one per step. */
export const STEP_COUNTERS = {
  serverErrors: 'q4check_server_errors',
  timeouts: 'q4check_timeouts',
  transportErrors: 'q4check_transport_errors',
  unexpected: 'q4check_unexpected',
} as const;

/** One counter per throttle form, tagged {journey, name}. */
export const THROTTLE_COUNTERS: Record<ThrottleForm, string> = {
  '429': 'q4check_throttled_429',
  '430': 'q4check_throttled_430',
  '503-retry-after': 'q4check_throttled_503_retry_after',
  '200-throttled': 'q4check_throttled_200',
};

/** Counters tagged {journey}: one per journey. Sessions started marks a summary as the exported script's. */
export const JOURNEY_COUNTERS = {
  sessions: 'q4check_sessions',
  converting: 'q4check_converting',
  failed: 'q4check_sessions_failed',
  handOff: 'q4check_hand_off',
} as const;

/** Whole-session time of completed sessions, think time excluded, tagged {journey}. */
export const JOURNEY_DURATION = 'q4check_journey_duration';

/** The trend statistics the script asks k6 to keep: every percentile a step's result holds, and the count. */
export const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'] as const;

/**
 * A tag value k6 can carry inside a sub-metric selector: `{journey:native,name:add to cart}` is split at
 * commas and the first colon, and ends at `}`, so those (and quotes, which k6 trims) become spaces.
 */
export const selectorSafe = (text: string): string => text.replace(/[,{}"'`]/g, ' ').replace(/\s+/g, ' ').trim();

/** k6 scenario names are letters, digits, `_` and `-`. */
export const scenarioName = (journey: string): string => journey.replace(/[^A-Za-z0-9_-]+/g, '_');

export const stepSelector = (metric: string, journey: string, step: string): string => `${metric}{journey:${selectorSafe(journey)},name:${selectorSafe(step)}}`;
export const journeySelector = (metric: string, journey: string): string => `${metric}{journey:${selectorSafe(journey)}}`;
export const scenarioSelector = (metric: string, journey: string): string => `${metric}{scenario:${scenarioName(journey)}}`;
