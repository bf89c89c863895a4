import type { CheckoutLoadConfig } from '../../checks/checkout-load/config.js';
import type { LoadPlan } from '../../checks/checkout-load/plan.js';
import type { Journey, JourneyStep } from '../journey/types.js';
import { isSecretName } from '../lib/secrets.js';
import { JOURNEY_COUNTERS, JOURNEY_DURATION, STEP_COUNTERS, THROTTLE_COUNTERS, TREND_STATS, journeySelector, scenarioName, scenarioSelector, selectorSafe, stepSelector } from './metrics.js';
import { RUNTIME } from './runtime.js';
import { k6Scenario } from './scenario.js';

export interface K6ExportInput {
  config: CheckoutLoadConfig;
  /** In the profile's order, as planLoad took them. */
  journeys: Journey[];
  plan: LoadPlan;
  /** Loopback or testMode: payment steps go into the script; otherwise each journey stops at its hand-off. */
  paymentsAllowed: boolean;
}

/** Headers whose values are credentials: the script reads them from the environment instead of holding them. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);
const isCredentialHeader = (name: string): boolean => CREDENTIAL_HEADERS.has(name.toLowerCase()) || isSecretName(name);
const envName = (header: string): string => header.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

const stepData = (step: JourneyStep) => ({
  tag: selectorSafe(step.name),
  method: step.method,
  path: step.path,
  ...(step.headers
    ? { headers: Object.fromEntries(Object.entries(step.headers).map(([name, value]) => [name, isCredentialHeader(name) ? `{{env_${envName(name)}}}` : value])) }
    : {}),
  ...(step.body ? { body: step.body } : {}),
  ...(step.capture?.length ? { capture: step.capture } : {}),
  ...(step.expect ? { expect: step.expect } : {}),
  ...(step.thinkMs ? { thinkMs: step.thinkMs } : {}),
});

/** The steps the script may send: all of them where payments may run, else those before the first payment step. */
const runnableSteps = (journey: Journey, paymentsAllowed: boolean): JourneyStep[] => {
  const firstPayment = journey.steps.findIndex((step) => step.payment === true);
  return paymentsAllowed || firstPayment === -1 ? journey.steps : journey.steps.slice(0, firstPayment);
};

const journeyData = (journey: Journey, paymentsAllowed: boolean) => ({
  name: selectorSafe(journey.name),
  checkoutFrom: journey.checkoutFrom,
  totalSteps: journey.steps.length,
  steps: runnableSteps(journey, paymentsAllowed).map(stepData),
});

/** k6 leaves out of its summary every tagged sub-metric no threshold names; `count>=0` names one without judging it. */
const RECORD_ONLY = ['count>=0'];

const thresholdsOf = (input: K6ExportInput): Record<string, string[]> => {
  const { thresholds } = input.config;
  const latency = [`p(95)<=${thresholds.p95Ms}`, `p(99)<=${thresholds.p99Ms}`];
  const entries: [string, string[]][] = [
    ['http_req_duration', latency],
    ['http_req_failed', [`rate<=${thresholds.errorRate}`]],
  ];
  for (const journey of input.journeys) {
    entries.push([journeySelector(JOURNEY_DURATION, journey.name), latency]);
    for (const metric of ['iterations', 'dropped_iterations']) entries.push([scenarioSelector(metric, journey.name), RECORD_ONLY]);
    for (const counter of Object.values(JOURNEY_COUNTERS)) entries.push([journeySelector(counter, journey.name), RECORD_ONLY]);
    for (const step of runnableSteps(journey, input.paymentsAllowed)) {
      entries.push([stepSelector('http_req_duration', journey.name, step.name), latency]);
      entries.push([stepSelector('http_reqs', journey.name, step.name), RECORD_ONLY]);
      for (const counter of [...Object.values(STEP_COUNTERS), ...Object.values(THROTTLE_COUNTERS)]) entries.push([stepSelector(counter, journey.name, step.name), RECORD_ONLY]);
    }
  }
  return Object.fromEntries(entries);
};

/** A JavaScript identifier for each journey's function, unique even when two names differ only in punctuation. */
const functionNames = (journeys: readonly Journey[]): string[] => {
  const seen = new Set<string>();
  return journeys.map((journey, index) => {
    const base = `journey_${scenarioName(journey.name).replace(/-/g, '_')}`;
    const name = seen.has(base) ? `${base}_${index}` : base;
    seen.add(name);
    return name;
  });
};

const credentialEnv = (journeys: readonly Journey[]): string[] =>
  [...new Set(journeys.flatMap((journey) => journey.steps.flatMap((step) => Object.keys(step.headers ?? {}).filter(isCredentialHeader).map(envName))))].sort();

const header = (input: K6ExportInput): string => {
  const env = credentialEnv(input.journeys);
  const lines = [
    `q4check checkout-load, exported for k6: ${input.journeys.map((journey) => journey.name).join(', ')} at ${Math.round(input.plan.targetSessionsPerMinute)} sessions a minute at the peak (${Math.round(input.plan.sessionsPerSecond * 60)} as planned), over ${Math.round(input.plan.durationMs / 1_000)} s.`,
    '',
    'Run it where one machine is not enough, then judge the summary with q4check:',
    '  k6 run --summary-export summary.json script.js',
    '  k6-operator: a TestRun with spec.parallelism: N and this script; k6 splits the rates and VUs over the N runners',
    '  Grafana Cloud k6: k6 cloud run script.js',
    '  q4check audit profile.yaml --load-results summary.json',
    '',
    `-e TARGET=https://… points it at another copy of the store (default: the profile's target).${env.length > 0 ? `\nCredentials are not in this file: pass ${env.map((name) => `-e ${name}=…`).join(' ')}.` : ''}`,
    input.paymentsAllowed
      ? 'Payment steps are included: the profile allows payments against this target (loopback or testMode).'
      : 'Payment steps are left out: each journey stops at its hand-off to payment, as q4check itself does against this target.',
    'Latency is k6\'s http_req_duration (sending to last byte); an iteration due when all VUs are busy is dropped (dropped_iterations), never delayed.',
  ];
  return ['/*', ...lines.flatMap((line) => line.split('\n')).map((line) => (line ? ` * ${line}` : ' *')), ' */'].join('\n');
};

/**
 * The checkout-load run as a k6 script: one ramping-arrival-rate scenario per journey at the plan's
 * rates, the journeys run step by step as the engine runs them, and the profile's thresholds. Pure.
 */
export const exportK6 = (input: K6ExportInput): string => {
  const names = functionNames(input.journeys);
  const scenarios = Object.fromEntries(input.journeys.map((journey, index) => [scenarioName(journey.name), k6Scenario({ journey, planned: input.plan.journeys[index]!, plan: input.plan, exec: names[index]!, requestTimeoutMs: input.config.requestTimeout })]));
  const options = { scenarios, thresholds: thresholdsOf(input), summaryTrendStats: TREND_STATS, maxRedirects: 0 };
  const json = (value: unknown): string => JSON.stringify(value, null, 2);
  const runs = input.journeys.map((_, index) => `export function ${names[index]}() {\n  runJourney(JOURNEYS[${index}], ${index});\n}`);
  return [
    header(input),
    "import http from 'k6/http';",
    "import { check, sleep } from 'k6';",
    "import exec from 'k6/execution';",
    "import { Counter, Trend } from 'k6/metrics';",
    '',
    `const TARGET = (__ENV.TARGET || ${json(input.config.target)}).replace(/\\/+$/, '');`,
    "// Per run (per VU unless -e RUN_ID=… is given; the shopper index keeps emails unique either way).",
    "const RUN_ID = __ENV.RUN_ID || String(Date.now());",
    `const CONVERSION = ${input.config.conversion};`,
    `const REQUEST_TIMEOUT_MS = ${input.config.requestTimeout};`,
    `const JOURNEY_COUNT = ${input.journeys.length};`,
    `const METRIC = ${json({ ...STEP_COUNTERS, ...JOURNEY_COUNTERS })};`,
    `const THROTTLE_COUNTER = ${json(THROTTLE_COUNTERS)};`,
    'const COUNTER_NAMES = Object.values(METRIC).concat(Object.values(THROTTLE_COUNTER));',
    `const JOURNEY_DURATION = ${json(JOURNEY_DURATION)};`,
    '',
    `const JOURNEYS = ${json(input.journeys.map((journey) => journeyData(journey, input.paymentsAllowed)))};`,
    '',
    `export const options = ${json(options)};`,
    RUNTIME,
    runs.join('\n\n'),
    '',
  ].join('\n');
};
