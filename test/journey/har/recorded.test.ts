import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Har } from 'har-format';
import { describe, expect, it } from 'vitest';
import { importHar, type ImportResult } from '../../../src/journey/har/import.js';
import { journeyYaml } from '../../../src/journey/har/write-journey.js';
import { builtInValues, fillStep } from '../../../src/journey/references.js';
import type { Journey, JourneyStep } from '../../../src/journey/types.js';
import { ROOT } from '../../helpers/cli.js';
import { differencesFromRecording, REPLAY_SESSIONS, replayOnFreshStore } from '../../helpers/replay-on-store.js';

/**
 * The browser recordings of fixtures/har (scripts/record-har.mjs: headless Chromium buying from the
 * storefront simulator) imported and replayed against a fresh simulator, whose tokens are not the
 * recorded ones: a journey that replayed last year's values would meet 404s and 422s, not orders.
 */

const RECORDINGS = {
  native: 'chromium-native-checkout.har',
  'shop-pay': 'chromium-shop-pay.har',
} as const;
type Recording = keyof typeof RECORDINGS;

const readRecording = (recording: Recording): Promise<string> => readFile(path.join(ROOT, 'fixtures/har', RECORDINGS[recording]), 'utf8');
const importRecording = async (recording: Recording): Promise<ImportResult> => importHar(await readRecording(recording), { file: RECORDINGS[recording], name: recording });

/** Every value the recording holds that must not reach the journey: tokens, cookies, what was typed, the recorded port. */
const recordedSecrets = (text: string): string[] => {
  const secrets = new Set<string>();
  for (const { request, response } of (JSON.parse(text) as Har).log.entries) {
    secrets.add(new URL(request.url).host);
    for (const token of request.url.match(/[0-9a-f]{32}/g) ?? []) secrets.add(token);
    // The cart cookie whole, and its token and key apart.
    for (const cookie of [...request.cookies, ...response.cookies]) for (const part of [cookie.value, ...cookie.value.split(/[?=&]/)]) secrets.add(part);
    // Short values (the test gateway's card "1", an empty button) say nothing when found again.
    for (const param of request.postData?.params ?? []) if ((param.value ?? '').length >= 4) secrets.add(param.value ?? '');
    for (const token of (response.content.text ?? '').match(/[0-9a-f]{32}/g) ?? []) secrets.add(token);
  }
  secrets.delete('key');
  return [...secrets].filter((secret) => secret.length >= 4);
};

/** The values the recording's own session used, by the name the import gave them. */
const recordedValues = (text: string): Record<string, string> => {
  const { entries } = (JSON.parse(text) as Har).log;
  const checkoutToken = entries.map((entry) => /checkouts\/(?:cn\/)?([0-9a-f]{32})/.exec(entry.request.url)?.[1]).find(Boolean);
  const authenticityToken = entries.flatMap((entry) => entry.request.postData?.params ?? []).find((param) => param.name === 'authenticity_token')?.value;
  return { ...(checkoutToken ? { checkoutToken } : {}), ...(authenticityToken ? { authenticityToken } : {}) };
};

const flagged = (steps: readonly JourneyStep[], flag: 'checkout' | 'payment'): string[] => steps.filter((step) => step[flag]).map((step) => step.name);
const captureOf = (steps: readonly JourneyStep[], name: string) => steps.find((step) => step.name === name)?.capture;

describe('importing the Chromium recording of a native checkout', () => {
  it('captures the checkout token from the Location and the authenticity token from the page, and marks checkout and payment', async () => {
    const { journey } = await importRecording('native');
    expect(journey.steps.map((step) => `${step.method} ${step.path} → ${String(step.expect?.status)}`)).toEqual([
      'GET /products/trail-jacket → 200',
      'POST /cart/add.js → 200',
      'GET /cart → 200',
      'POST /checkout → 302',
      'GET /checkouts/cn/{{checkoutToken}} → 200',
      'POST /checkouts/cn/{{checkoutToken}}/complete → 302',
      'GET /checkouts/cn/{{checkoutToken}}/thank-you → 200',
    ]);
    expect(captureOf(journey.steps, 'start checkout')).toEqual([{ name: 'checkoutToken', header: 'location', regex: 'checkouts/cn/([\\w-]+)' }]);
    expect(captureOf(journey.steps, 'view checkout')).toEqual([{ name: 'authenticityToken', regex: expect.stringContaining('authenticity_token') as unknown }]);
    expect(flagged(journey.steps, 'checkout')).toEqual(['start checkout']);
    expect(flagged(journey.steps, 'payment')).toEqual(['pay']);
    expect(journey.checkoutFrom).toBe(3);
  });

  it('sends the live authenticity token and test values in the payment form, the typed ones replaced', async () => {
    const { journey, summary } = await importRecording('native');
    expect(journey.steps.find((step) => step.name === 'pay')?.body).toEqual({
      form: { authenticity_token: '{{authenticityToken}}', email: '{{uniqueEmail}}', first_name: 'Test', last_name: 'Shopper', address1: '1 Test Street', zip: '10001', card: '1' },
    });
    expect(summary.personal).toEqual({ email: 1, name: 2, address: 1, postcode: 1 });
    expect(summary.uncorrelatedCsrf).toEqual([]);
  });
});

describe('importing the Chromium recording of a Shop Pay purchase', () => {
  it('captures the wallet checkout token from its JSON and marks the wallet as checkout, its completion as payment', async () => {
    const { journey } = await importRecording('shop-pay');
    expect(journey.steps.map((step) => `${step.method} ${step.path} → ${String(step.expect?.status)}`)).toEqual([
      'GET /products/trail-jacket → 200',
      'POST /cart/add.js → 200',
      'POST /wallets/shop-pay/checkout → 200',
      'POST /wallets/shop-pay/checkouts/{{checkoutToken}}/complete → 200',
      'GET /checkouts/cn/{{checkoutToken}}/thank-you → 200',
    ]);
    const wallet = journey.steps[2]!;
    expect(wallet.capture).toEqual([{ name: 'checkoutToken', json: 'checkout_token' }]);
    expect(flagged(journey.steps, 'checkout')).toEqual([wallet.name]);
    expect(flagged(journey.steps, 'payment')).toEqual([journey.steps[3]!.name]);
  });
});

describe.each(Object.keys(RECORDINGS) as Recording[])('the %s recording', (recording) => {
  it('leaves no recorded token, cookie, typed value or port in the journey file', async () => {
    const text = await readRecording(recording);
    const secrets = recordedSecrets(text);
    // The recording does hold them: the checkout token, the cart cookie, the port, and for the native checkout what was typed.
    expect(secrets).toEqual(expect.arrayContaining([expect.stringMatching(/^127\.0\.0\.1:\d+$/), expect.stringMatching(/^c1-[0-9a-f]+\?key=[0-9a-f]+$/), recordedValues(text).checkoutToken]));
    if (recording === 'native') expect(secrets).toEqual(expect.arrayContaining(['test@example.com', 'Rita', 'Recorder', '12 Recording Lane', '94103', recordedValues(text).authenticityToken]));
    const written = journeyYaml((await importRecording(recording)).journey, RECORDINGS[recording]);
    expect(secrets.filter((secret) => written.includes(secret))).toEqual([]);
  });
});

/** The journey as a recorder without correlation writes it: the recorded tokens sent as they are, nothing captured. */
const withRecordedValues = (journey: Journey, values: Record<string, string>): Journey => ({
  ...journey,
  steps: journey.steps.map((step) => {
    const { capture: _dropped, ...sent } = fillStep(step, { ...builtInValues({ shopperIndex: 0, runId: 'stale' }), ...values });
    return sent;
  }),
});

describe.each(Object.keys(RECORDINGS) as Recording[])('the %s journey replayed by the load engine against a fresh simulator', (recording) => {
  it(`buys once per session with live tokens: every status as recorded, no 404, ${REPLAY_SESSIONS} new orders`, async () => {
    const text = await readRecording(recording);
    const { journey } = await importRecording(recording);
    const { result, orders, requests } = await replayOnFreshStore(journey);
    expect(result.journeys[0]).toMatchObject({ planned: REPLAY_SESSIONS, started: REPLAY_SESSIONS, dropped: 0, converting: REPLAY_SESSIONS, completed: REPLAY_SESSIONS, failed: 0, stoppedAtHandOff: 0 });
    expect(differencesFromRecording(journey, result)).toEqual([]);
    expect(orders).toHaveLength(REPLAY_SESSIONS);
    expect(orders.every((order) => order.via === (recording === 'native' ? 'checkout' : 'shop-pay'))).toBe(true);
    const tokens = orders.map((order) => order.checkoutToken);
    expect(new Set(tokens).size).toBe(REPLAY_SESSIONS);
    // Each session paid the checkout the fresh store opened for it, never the one in the recording.
    for (const token of tokens) expect(text).not.toContain(token);
    const thankYous = requests.filter((entry) => entry.path.endsWith('/thank-you'));
    expect(thankYous.map((entry) => entry.path).sort()).toEqual(tokens.map((token) => `/checkouts/cn/${token}/thank-you`).sort());
  });

  it("with the recording's own tokens instead of captures, meets 404s and buys nothing: the fresh store never issued them", async () => {
    const text = await readRecording(recording);
    const stale = withRecordedValues((await importRecording(recording)).journey, recordedValues(text));
    expect(JSON.stringify(stale)).not.toContain('{{');
    const { result, orders } = await replayOnFreshStore(stale);
    expect(result.journeys[0]).toMatchObject({ started: REPLAY_SESSIONS, completed: 0, failed: REPLAY_SESSIONS });
    // A session ends at its first unexpected answer: the first step that sends the stale token.
    const firstStale = stale.steps[recording === 'native' ? 4 : 3]!.name;
    expect(differencesFromRecording(stale, result)).toContain(`${firstStale}: statuses {"404":${REPLAY_SESSIONS}}, ${REPLAY_SESSIONS} unexpected, timed out or failed`);
    expect(orders).toEqual([]);
  });
});
