import type { z } from 'zod';
import type { SmsRoutingArtifact } from '../../../../checks/sms-routing/artifact.js';
import { config as configSchema, type SmsRoutingConfig } from '../../../../checks/sms-routing/config.js';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import { gather } from '../../../../checks/sms-routing/gather.js';
import { planSequences } from '../../../../checks/sms-routing/gather/sequences.js';
import { isCanadian } from '../../../../checks/sms-routing/keywords/index.js';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { EvaluateContext, GatherContext, Verdict } from '../../../../src/engine/define-check.js';
import { SmsSimulator, type SmsFaults, type SmsRequestRecord, type SmsSimulatorOptions } from '../../../../src/simulators/sms/index.js';

/** Distinctive, so that a leak into an artifact or a report is easy to find. */
export const AUTH_TOKEN = 'sms-routing-test-token-7f3a9c';
export const STORE_NUMBER = '+15005550006';
export const TEST_NUMBER = '+15005550001';
/** Montreal (514): the Canadian rules apply, ARRET and AIDE answered in French. */
export const CANADIAN_NUMBER = '+15145550123';
export const BRAND = 'Acme Outdoor';

export type ConfigInput = Partial<z.input<typeof configSchema>>;

/** The part of a run a switch can wait for: the burst, which follows every keyword sequence. */
export type RunPart = 'burst';

/** A webhook situation: the simulator's switches, some switched on only part-way, and the profile section it is audited with. */
export interface WebhookSetup {
  /** The simulator from its first request: fault switches, brand, contact, opt-out handler. */
  simulator?: Omit<SmsSimulatorOptions, 'authToken' | 'port' | 'path'>;
  /** Switches turned on when a part of the run begins, e.g. a capacity limit that only the burst should meet. */
  later?: { at: RunPart; faults: SmsFaults };
  /** Nothing listens: the simulator's port, closed before the run. */
  closedPort?: boolean;
  /** The profile section besides the webhook, over the defaults below. */
  config?: ConfigInput;
  /** Called as each request is answered, with the simulator as it is then (e.g. to watch how many are in flight). */
  watch?: (simulator: SmsSimulator) => void;
  /** The check's time limit runs out as this many requests have been answered. */
  timeLimitAfter?: number;
  /** What the gather tells the spinner and the --debug log. */
  progress?: (text: string) => void;
  debug?: (line: string) => void;
}

/** The section the tests audit with: a small burst (40 at 40/s) keeps each run to a second or two. */
export const smsConfig = (webhook: string, overrides: ConfigInput = {}): SmsRoutingConfig =>
  configSchema.parse({
    webhook,
    authToken: AUTH_TOKEN,
    storeNumber: STORE_NUMBER,
    testNumber: TEST_NUMBER,
    brand: BRAND,
    burst: { messages: 40, perSecond: 40 },
    ...overrides,
  });

/** The section a setup is audited with: the simulator's opt-out handler unless the setup's config says otherwise. */
export const setupConfig = (setup: WebhookSetup, webhook: string, overrides: ConfigInput = {}): SmsRoutingConfig =>
  smsConfig(webhook, { ...(setup.simulator?.optOutHandledBy ? { optOutHandledBy: setup.simulator.optOutHandledBy } : {}), ...setup.config, ...overrides });

export const gatherContext = (signal: AbortSignal = new AbortController().signal, sinks: Pick<WebhookSetup, 'progress' | 'debug'> = {}): GatherContext => ({
  signal,
  profileDir: '.',
  today: '2026-11-20',
  logger: { info: () => undefined, debug: sinks.debug ?? (() => undefined) },
  dns: { query: () => Promise.reject(new Error('sms-routing asks no DNS')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) },
  progress: sinks.progress ?? (() => undefined),
  addSecret: () => undefined,
});

export const evaluateContext: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false },
  store: { name: 'Acme Outdoor', timezone: 'America/New_York' },
};

/**
 * How many requests are answered before a part of the run begins, counted from the plan the gather
 * follows, so that an entry added to the corpus moves the switch with it.
 */
export const requestsBefore = (_part: RunPart, canadian: boolean): number => planSequences(canadian).reduce((sum, sequence) => sum + sequence.steps.length, 0);

/**
 * Turns `faults` on as the `count`th request is answered. The request log is written in the same turn
 * of the event loop as the answer, before the client can send the next request, so the switch always
 * falls between the same two requests; polling the log could let a burst message slip through first.
 */
const onAnswer = (simulator: SmsSimulator, then: (simulator: SmsSimulator) => void): void => {
  const { log } = simulator;
  const record = log.record.bind(log);
  log.record = (entry) => {
    record(entry);
    then(simulator);
  };
};

const switchAfter = (simulator: SmsSimulator, count: number, faults: SmsFaults): void =>
  onAnswer(simulator, () => {
    if (simulator.log.count() === count) simulator.setFaults(faults);
  });

export interface Gathered {
  artifact: SmsRoutingArtifact;
  config: SmsRoutingConfig;
  verdicts: Verdict<SmsRule>[];
  /** The URL the run posted to; its port changes on every run. */
  webhook: string;
  /** What the simulator received and answered, in order. */
  requests: readonly SmsRequestRecord[];
}

/** Runs the check's real gather against a simulator on loopback set up as `setup` says, and judges what it saw. */
export const gatherFrom = async (setup: WebhookSetup = {}): Promise<Gathered> => {
  const simulator = new SmsSimulator({ authToken: AUTH_TOKEN, brand: BRAND, contact: 'help@acme.example', ...setup.simulator });
  try {
    const { url } = await simulator.start();
    if (setup.closedPort) await simulator.stop();
    const config = setupConfig(setup, url);
    if (setup.later) switchAfter(simulator, requestsBefore(setup.later.at, isCanadian(config.testNumber)), setup.later.faults);
    if (setup.watch) onAnswer(simulator, setup.watch);
    const limit = new AbortController();
    const { timeLimitAfter } = setup;
    // The engine's time limit aborts with a TimeoutError, as here.
    if (timeLimitAfter !== undefined) onAnswer(simulator, () => simulator.log.count() === timeLimitAfter && limit.abort(new DOMException('exceeded', 'TimeoutError')));
    const artifact = await gather(gatherContext(limit.signal, setup), config);
    return { artifact, config, verdicts: evaluate(artifact, config, evaluateContext), webhook: url, requests: simulator.log.entries };
  } finally {
    await simulator.stop();
  }
};
