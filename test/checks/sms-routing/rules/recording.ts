import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SmsRoutingArtifact } from '../../../../checks/sms-routing/artifact.js';
import { ROOT } from '../../../helpers/cli.js';
import type { RecordedCase } from './cases.js';

export const ARTIFACTS = path.join(ROOT, 'fixtures/artifacts/sms-routing');

/** Where every recording says it posted: the simulator's port changes on every run, and no rule reads it. */
export const RECORDED_HOST = '127.0.0.1:8080';

/**
 * Kept latencies are floored to this grid. Every delay a recording switches on (2,500 ms, 200 ms a
 * message) and the burst's 25 ms spacing are multiples of it, so flooring removes only the loopback's
 * few milliseconds of jitter and recording twice gives the same bytes.
 */
const GRID_MS = 25;

const floored = (ms: number): number => Math.floor(ms / GRID_MS) * GRID_MS;

// An object holding no object or array: an exchange or a burst arrival. JSON strings hold no raw newline,
// so every newline in the match is layout.
const LEAF_OBJECT = /\{\n[^{}[\]]*?\n\s*\}/g;

/** Indented JSON with each exchange and arrival on one line: a third smaller, and a diff shows whole exchanges. */
const layout = (value: unknown): string => JSON.stringify(value, null, 2).replace(LEAF_OBJECT, (leaf) => leaf.replace(/\n\s*/g, ' '));

/**
 * The artifact as committed: the latencies the case is not about and the burst's send lag written as
 * 0, the kept ones floored to the grid, and the webhook on port 8080.
 */
export const stableJson = (artifact: SmsRoutingArtifact, recorded: RecordedCase, webhook: string): string => {
  const exchangeMs = (ms: number): number => (recorded.keepLatency === 'exchanges' ? floored(ms) : 0);
  const burstMs = (ms: number): number => (recorded.keepLatency === 'burst' ? floored(ms) : 0);
  const stable: SmsRoutingArtifact = {
    ...artifact,
    sequences: artifact.sequences.map((sequence) => ({
      ...sequence,
      exchanges: sequence.exchanges.map((exchange) => (exchange.latencyMs === undefined ? exchange : { ...exchange, latencyMs: exchangeMs(exchange.latencyMs) })),
    })),
    burst: { ...artifact.burst, arrivals: artifact.burst.arrivals.map((arrival) => ({ ...arrival, sendLagMs: 0, latencyMs: burstMs(arrival.latencyMs) })) },
  };
  return `${layout(stable).replaceAll(new URL(webhook).host, RECORDED_HOST)}\n`;
};

export const readArtifact = (name: string): SmsRoutingArtifact => JSON.parse(readFileSync(path.join(ARTIFACTS, `${name}.json`), 'utf8')) as SmsRoutingArtifact;
