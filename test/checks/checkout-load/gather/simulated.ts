import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { z } from 'zod';
import type { CheckoutLoadArtifact } from '../../../../checks/checkout-load/artifact.js';
import { config as configSchema, type CheckoutLoadConfig } from '../../../../checks/checkout-load/config.js';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import { gather } from '../../../../checks/checkout-load/gather.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { EvaluateContext, GatherContext, Verdict } from '../../../../src/engine/define-check.js';
import { closeServer, freeLoopbackPort, listenOnLoopback, LOOPBACK } from '../../../../src/simulators/loopback.js';
import { NO_FAULTS, StoreSimulator, type Order, type PurchaseEventCounts, type StoreFaults, type StoreRequestRecord } from '../../../../src/simulators/store/index.js';
import { ROOT } from '../../../helpers/cli.js';

export type ConfigInput = Partial<z.input<typeof configSchema>>;

/** Journey files resolve against the profile's folder: here, the journeys fixture folder. */
export const JOURNEYS_DIR = path.join(ROOT, 'fixtures/journeys');

/**
 * Both demo journeys, and a test-only one that edits the cart (two adds, a read, a change by the key just
 * read, an update, a read again): the demo journeys add one line each, which cannot show a cart left
 * stale by a 422 after an earlier change, nor give a session four slow mutations.
 */
export const JOURNEYS = [
  { name: 'native', file: 'demo/native-checkout.yaml', weight: 1 },
  { name: 'shop-pay', file: 'demo/shop-pay.yaml', weight: 1 },
  { name: 'cart-edit', file: 'cases/cart-edit.yaml', weight: 1 },
] as const;

/**
 * The 9:00 doorbuster (five lanterns, straight to the wallet and payment) that the race cases add and
 * race for; a small weight, so the steady stage sends it only a session or two.
 */
export const DOORBUSTER = { name: 'doorbuster', file: 'demo/doorbuster.yaml', weight: 0.1 } as const;

/** What a case that races adds to the section: the doorbuster, and 20 shoppers paying for its five lanterns at once. */
export const RACE = { journeys: [...JOURNEYS, DOORBUSTER], race: { shoppers: 20, journey: DOORBUSTER.name } } as const satisfies ConfigInput;

/**
 * The section the tests audit with: 1,200 sessions a minute (20 a second, a third per journey) for 3 s,
 * half of them checking out, then 5 shoppers hammering the cart for 1 s. On loopback a clean simulator
 * answers in a few ms; with a score of samples per step, p95 is nearly the slowest answer, so the
 * thresholds (p95 1 s, p99 3 s, 1% errors) leave a loaded machine's stalls a wide margin, and the delay
 * the latency case switches on is over them whatever the jitter (it only adds).
 */
export const loadConfig = (target: string, overrides: ConfigInput = {}): CheckoutLoadConfig =>
  configSchema.parse({
    target,
    lastYearPeak: { sessionsPerMinute: 1_200 },
    conversion: 0.5,
    duration: '3s',
    journeys: JOURNEYS,
    thresholds: { p95Ms: 1_000, p99Ms: 3_000, errorRate: 0.01 },
    hammer: { shoppers: 5, duration: '1s' },
    // The race opens a run by default where payments may; the load cases time their faults against the
    // steady stage, so only the cases that race (RACE) turn it on.
    race: false,
    ...overrides,
  });

/** A storefront situation: the simulator's switches and the profile section it is audited with. */
export interface StoreSetup {
  faults?: StoreFaults;
  /**
   * The faults are on only in this window of the run (ms since the store received its first storefront
   * request, which the run sends at its start; the Admin reads before it do not count): the steady stage
   * meets them, the cart reads before and the hammer after do not. No `untilMs`: on to the end.
   */
  during?: { fromMs: number; untilMs?: number };
  /** The profile section over the defaults above. */
  config?: ConfigInput;
  /** Aim at this target instead of the simulator (a host that must be refused). */
  target?: string;
  /** Aborts the gather once the simulator has answered this many requests, as Ctrl-C does. */
  interruptAfter?: number;
  progress?: (text: string) => void;
  debug?: (line: string) => void;
  /** Values the gather registered as secrets. */
  secrets?: string[];
  /** The Admin API token the profile gives, when not the simulator's (a wrong one is answered 401). */
  adminToken?: string;
  /** Something else already listens on the collector's port when the run begins. */
  collectorPortTaken?: boolean;
}

/** Counts every DNS question: checkout-load must never ask one (a refused target is refused before any). */
export interface DnsCounter {
  questions: number;
}

export const gatherContext = (signal: AbortSignal, setup: Pick<StoreSetup, 'progress' | 'debug' | 'secrets'> = {}, dns: DnsCounter = { questions: 0 }): GatherContext => ({
  signal,
  profileDir: JOURNEYS_DIR,
  today: '2026-11-20',
  logger: { info: () => undefined, debug: setup.debug ?? (() => undefined) },
  dns: {
    query: () => {
      dns.questions += 1;
      return Promise.reject(new Error('checkout-load asks no DNS'));
    },
    log: () => [],
    stats: () => ({ sent: 0, distinct: 0 }),
  },
  progress: setup.progress ?? (() => undefined),
  addSecret: (value) => setup.secrets?.push(value),
});

export const evaluateContext: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false },
  store: { name: 'Acme Outdoor', timezone: 'America/New_York' },
};

export interface Gathered {
  artifact: CheckoutLoadArtifact;
  config: CheckoutLoadConfig;
  verdicts: Verdict<CheckoutLoadRule>[];
  /** The simulator's origin; its port changes on every run. */
  store: string;
  /** What the simulator received and answered, in order. */
  requests: readonly StoreRequestRecord[];
  orders: readonly Order[];
  dnsQuestions: number;
  /** Where the profile's collector listens (`127.0.0.1:<port>`); its port changes on every run. */
  collector: string;
  /** What the simulator posted to the collector. */
  events: PurchaseEventCounts;
  /** The simulator's Admin API token and the webhook secret it signs with, for the tests that look for them. */
  credentials: { adminToken: string; webhookSecret: string };
}

/**
 * Turns `then` on as each request is answered: the request log is written in the same turn of the event
 * loop as the answer, so a switch falls between the same two requests every time.
 */
const onAnswer = (simulator: StoreSimulator, then: (entry: StoreRequestRecord) => void): void => {
  const { log } = simulator;
  const record = log.record.bind(log);
  log.record = (entry) => {
    record(entry);
    then(entry);
  };
};

/**
 * Turns the faults on for the window `during` says, counted from the run's first storefront request:
 * reading the records and starting the generator's thread before it take a time of their own.
 */
const duringTheRun = (simulator: StoreSimulator, faults: StoreFaults, during: NonNullable<StoreSetup['during']>): void => {
  let started = false;
  onAnswer(simulator, (entry) => {
    if (started || entry.path.startsWith('/admin/')) return;
    started = true;
    simulator.setFaultsAfter(entry.at + during.fromMs, faults);
    if (during.untilMs !== undefined) simulator.setFaultsAfter(entry.at + during.untilMs, Object.fromEntries(Object.keys(faults).map((name) => [name, NO_FAULTS[name as keyof StoreFaults]])));
  });
};

/** Where the store and its collector are, and the credentials the store holds. */
export interface StoreWhereabouts {
  store: string;
  collector: string;
  adminToken: string;
  webhookSecret?: string;
}

/** The profile section a case is audited with: its own over the defaults, reading the records and collecting the events of the store `where` says. */
export const sectionFor = (setup: Pick<StoreSetup, 'target' | 'config' | 'adminToken'>, where: StoreWhereabouts): CheckoutLoadConfig =>
  loadConfig(setup.target ?? where.store, {
    verify: { adminApi: where.store, adminToken: setup.adminToken ?? where.adminToken },
    attribution: { listen: where.collector, ...(where.webhookSecret ? { webhookSecret: where.webhookSecret } : {}) },
    ...setup.config,
  });

/**
 * gatherFrom, once more when the load generator fell behind (a machine busy with other suites): such a
 * run cannot judge the store, nor be recorded.
 */
export const gatherJudgeable = async (setup: StoreSetup = {}): Promise<Gathered> => {
  const gathered = await gatherFrom(setup);
  return gathered.artifact.run?.generator.behind ? gatherFrom(setup) : gathered;
};

/** Holds a port as another program would: answers every request 404 at once, so the store's events do not wait. */
const occupy = async (port: number): Promise<Server> => {
  const server = createServer((_request, response) => response.writeHead(404).end());
  await listenOnLoopback(server, port, 'port holder');
  return server;
};

/**
 * Runs the check's real gather against a store simulator on loopback set up as `setup` says, and judges
 * what it saw. The profile reads the store's records with the simulator's Admin token (`verify`) and
 * collects its purchase events on a free loopback port (`attribution`), where the simulator posts a pixel
 * event per completion and a signed `orders/create` webhook per order.
 */
export const gatherFrom = async (setup: StoreSetup = {}): Promise<Gathered> => {
  const faults = setup.faults ?? {};
  const credentials = { adminToken: `shpat_${randomBytes(16).toString('hex')}`, webhookSecret: randomBytes(16).toString('hex') };
  const collector = `${LOOPBACK}:${await freeLoopbackPort()}`;
  const simulator = new StoreSimulator({ faults: setup.during ? {} : faults, adminToken: credentials.adminToken, events: { url: `http://${collector}/events`, webhookSecret: credentials.webhookSecret } });
  const holder = setup.collectorPortTaken ? await occupy(Number(collector.split(':')[1])) : undefined;
  try {
    const { url } = await simulator.start();
    if (setup.during) duringTheRun(simulator, faults, setup.during);
    const config = sectionFor(setup, { store: url, collector, ...credentials });
    const stop = new AbortController();
    const { interruptAfter } = setup;
    let answered = 0;
    if (interruptAfter !== undefined) onAnswer(simulator, () => ++answered === interruptAfter && stop.abort(new Error('interrupted')));
    const dns: DnsCounter = { questions: 0 };
    const artifact = await gather(gatherContext(stop.signal, setup, dns), config);
    return { artifact, config, verdicts: evaluate(artifact, config, evaluateContext), store: url, requests: simulator.log.entries, orders: simulator.orders, dnsQuestions: dns.questions, collector, credentials, events: simulator.eventCounts };
  } finally {
    await simulator.stop();
    if (holder) await closeServer(holder);
  }
};
