import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { builtInValues, fillStep, MissingReference } from '../../journey/references.js';
import type { JourneyStep } from '../../journey/types.js';
import { cutOffBy } from '../../lib/cut-off.js';
import { Answer } from '../answer.js';
import { runCapture } from '../captures.js';
import { unmetExpectation } from '../expect.js';
import { partsFor } from '../request-parts.js';
import { MAX_BODY_BYTES } from '../send.js';
import { SessionJar } from '../session-jar.js';
import { StepStats } from '../step-stats.js';
import { ThrottleLog } from '../throttle-log.js';
import { transportError } from '../transport-error.js';
import type { Exchange, HammerOptions, HammerResult } from '../types.js';
import { guardConnection, SENT_AT, type CannonClient } from './connection-guard.js';

/** The journey name hammer steps are reported under. */
export const HAMMER_JOURNEY = 'hammer';

/** One loop of the steps is one shopper: its own cookies and captures, kept in autocannon's per-connection context. */
interface ShopperContext {
  jar?: SessionJar;
  values?: Record<string, string>;
  /** The path and body the request in flight was sent with, references filled in. */
  sent?: { path: string; body?: string };
  [SENT_AT]?: number;
}

/**
 * A fixed number of shoppers (one connection each) loop over the steps as fast as they are answered, with
 * autocannon: latency from each write, no coordinated-omission "correction", no pipelining, no workers.
 * Every loop is a new shopper with fresh cookies. Answers a server ends by closing the connection are kept
 * (see guardConnection); requests lost anyway are counted as `unanswered`. Stopped by `signal`, it returns
 * what it measured, marked `cutOff`.
 */
export const runHammer = async (options: HammerOptions): Promise<HammerResult> => {
  const url = new URL(options.target);
  const basePath = url.pathname.replace(/\/+$/, '');
  const stats = options.steps.map((step) => new StepStats(HAMMER_JOURNEY, step));
  const throttles = new ThrottleLog();
  const runHeaders = options.headers ?? {};
  const runId = randomBytes(4).toString('hex');
  let shoppers = 0;
  let unanswered = 0;
  const startedAt = performance.now();

  const setupRequest = (step: JourneyStep) => (request: autocannon.Request, context: ShopperContext): autocannon.Request | undefined => {
    context.values ??= builtInValues({ runId, shopperIndex: shoppers++ });
    let filled;
    try {
      filled = partsFor(step, runHeaders, (template) => fillStep(template, context.values!));
    } catch (error) {
      // A capture the shopper lacks: autocannon starts the loop over, a new shopper.
      if (error instanceof MissingReference) return undefined;
      throw error;
    }
    const path = basePath + filled.path;
    const cookie = context.jar?.cookieFor(url.origin + path);
    if (cookie !== undefined) filled.headers.cookie = cookie;
    context.sent = { path: filled.path.split('?', 1)[0]!, ...(filled.body === undefined ? {} : { body: filled.body }) };
    return { ...request, method: step.method, path, headers: filled.headers, ...(filled.body === undefined ? {} : { body: filled.body }) };
  };

  const onResponse = (step: JourneyStep, index: number) => (status: number, fullBody: string, context: ShopperContext, headers?: Record<string, string | string[]>): void => {
    const now = performance.now();
    // autocannon hands over the whole body; exchanges promise at most 256 KB.
    const body = fullBody.length > MAX_BODY_BYTES ? Buffer.from(fullBody).subarray(0, MAX_BODY_BYTES).toString('utf8') : fullBody;
    const latencyMs = now - (context[SENT_AT] ?? now);
    const lowered: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers ?? {})) lowered[name.toLowerCase()] = name.toLowerCase() === 'set-cookie' && !Array.isArray(value) ? [value] : value;
    const exchange: Exchange = { journey: HAMMER_JOURNEY, step, stepIndex: index, method: step.method, path: context.sent?.path ?? step.path, ...(context.sent?.body === undefined ? {} : { requestBody: context.sent.body }), status, headers: lowered, body, latencyMs, atMs: now - startedAt };
    const throttled = throttles.note(exchange, options.classifyThrottle);
    const answer = new Answer(status, lowered, body);
    const pageUrl = url.origin + basePath + (context.sent?.path ?? step.path);
    if (answer.setCookies().length > 0) (context.jar ??= new SessionJar()).store(answer.setCookies(), pageUrl);
    const unmet = unmetExpectation(step.expect, answer);
    stats[index]!.record({ status, latencyMs, unexpected: unmet !== undefined, throttled });
    for (const capture of step.capture ?? []) {
      const value = runCapture(capture, answer, (name) => context.jar?.value(name, pageUrl));
      if (value !== undefined) (context.values ??= {})[capture.name] = value;
    }
  };

  let finish: (error: Error | null) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    finish = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon({
    url: url.origin,
    connections: options.shoppers,
    duration: options.durationMs / 1000,
    // autocannon takes whole-ish seconds and refuses less than one.
    timeout: Math.max(1, options.requestTimeoutMs / 1000),
    pipelining: 1,
    // No rate is set, so autocannon applies no coordinated-omission "correction" (and refuses the flag that turns it off).
    requests: options.steps.map((step, index) => ({
      method: step.method,
      path: basePath + step.path,
      setupRequest: setupRequest(step) as autocannon.Request['setupRequest'],
      onResponse: onResponse(step, index) as autocannon.Request['onResponse'],
    })),
    setupClient: (client) =>
      // The guard reaches into autocannon's client internals (pinned ^9), which its types do not describe.
      guardConnection(client as unknown as CannonClient, {
        lost: () => unanswered++,
        timedOut: (step, latencyMs) => stats[step]?.record({ error: 'timeout', latencyMs }),
        failed: (step, error, latencyMs) => stats[step]?.record({ error: transportError(error), latencyMs }),
      }),
  }, (error) => finish(error));
  const stop = (): void => instance.stop();
  if (options.signal.aborted) stop();
  else options.signal.addEventListener('abort', stop, { once: true });
  try {
    await finished;
  } finally {
    options.signal.removeEventListener('abort', stop);
  }
  return {
    shoppers: options.shoppers,
    durationMs: Math.round(performance.now() - startedAt),
    steps: stats.map((tally) => tally.result()),
    unanswered,
    throttling: throttles.result(),
    ...(options.signal.aborted ? { cutOff: cutOffBy(options.signal) } : {}),
  };
};
