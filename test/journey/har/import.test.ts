import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHar } from '../../../src/journey/har/import.js';
import { journeyYaml } from '../../../src/journey/har/write-journey.js';
import { loadJourney } from '../../../src/journey/load.js';
import { ROOT } from '../../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'fixtures/har/chrome-native-checkout.har');
let har: string;
let dir: string;
beforeAll(async () => {
  har = await readFile(FIXTURE, 'utf8');
  dir = await mkdtemp(path.join(tmpdir(), 'q4check-har-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const imported = () => importHar(har, { file: 'recording.har', name: 'native' });
const stepNamed = (name: string) => {
  const step = imported().journey.steps.find((candidate) => candidate.name === name);
  expect(step, name).toBeDefined();
  return step!;
};

describe('importHar on a Chrome recording of a native checkout', () => {
  it("keeps the store's own requests in order, with readable names and the recorded statuses", () => {
    const { journey } = imported();
    expect(journey.steps.map((step) => `${step.name}: ${step.method} ${step.path} → ${String(step.expect?.status)}`)).toEqual([
      'view product trail-jacket: GET /products/trail-jacket → 200',
      'read product trail-jacket: GET /products/trail-jacket.js → 200',
      'add to cart: POST /cart/add.js → 200',
      'change cart: POST /cart/change.js → 200',
      'read cart: GET /cart.js → 200',
      'start checkout: POST /checkout → 302',
      'view checkout information: GET /checkouts/cn/{{checkoutToken}}/information?locale=en → 200',
      'pay: POST /checkouts/cn/{{checkoutToken}}/complete → 200',
      'view checkout thank-you: GET /checkouts/cn/{{checkoutToken}}/thank-you?order_id={{orderId}} → 200',
    ]);
  });

  it('counts what it dropped: third parties, assets, beacons, the preflight, pseudo-headers, cookies and secret headers', () => {
    const { summary } = imported();
    expect(summary.dropped).toEqual({ 'third-party': 2, asset: 3, beacon: 4, preflight: 1, unanswered: 1 });
    expect(summary.droppedHeaders).toMatchObject({ 'pseudo-header': 36, cookie: 9, 'secret header': 2 });
    for (const step of imported().journey.steps) {
      expect(Object.keys(step.headers ?? {}).filter((name) => !['accept', 'x-requested-with', 'x-csrf-token'].includes(name))).toEqual([]);
    }
  });

  it('captures the checkout token from the Location of POST /checkout and sends it in every later path', () => {
    expect(stepNamed('start checkout').capture).toEqual([{ name: 'checkoutToken', header: 'location', regex: 'checkouts/cn/([\\w-]+)' }]);
  });

  it('captures the cart line key from the JSON of add.js for change.js, leaving the numeric variant id as recorded', () => {
    expect(stepNamed('add to cart').capture).toEqual([{ name: 'itemKey', json: 'items[0].key' }]);
    expect(stepNamed('change cart').body).toEqual({ json: { id: '{{itemKey}}', quantity: 2 } });
    expect(stepNamed('add to cart').body).toEqual({ json: { items: [{ id: 44012345678901, quantity: 1 }] } });
  });

  it('captures the CSRF values from the HTML page: the authenticity_token input and the csrf-token meta', () => {
    expect(stepNamed('view product trail-jacket').capture).toEqual([
      { name: 'authenticityToken', regex: 'name="authenticity_token"[^>]*?value="([^"]*)"' },
      { name: 'csrfToken', regex: 'name="csrf-token"[^>]*?content="([^"]*)"' },
    ]);
    expect(stepNamed('add to cart').headers).toEqual({ 'x-csrf-token': '{{csrfToken}}', 'x-requested-with': 'XMLHttpRequest' });
    expect(stepNamed('start checkout').body).toEqual({ form: { authenticity_token: '{{authenticityToken}}', 'checkout[email]': '{{uniqueEmail}}', note: '' } });
  });

  it('replaces personal data and the card with test values', () => {
    expect(stepNamed('pay').body).toEqual({
      form: {
        'checkout[email]': '{{uniqueEmail}}',
        'checkout[shipping_address][first_name]': 'Test',
        'checkout[shipping_address][last_name]': 'Shopper',
        'checkout[shipping_address][address1]': '1 Test Street',
        'checkout[shipping_address][zip]': '10001',
        'checkout[shipping_address][phone]': '+12015550123',
        'credit_card[number]': '4242424242424242',
        'credit_card[verification_value]': '123',
        'credit_card[name]': 'Test Shopper',
      },
    });
  });

  it('marks the checkout start and the payment, and keeps the shopper\'s pauses', () => {
    const { journey } = imported();
    expect(journey.steps.filter((step) => step.checkout).map((step) => step.name)).toEqual(['start checkout']);
    expect(journey.steps.filter((step) => step.payment).map((step) => step.name)).toEqual(['pay']);
    expect(journey.checkoutFrom).toBe(5);
    expect(stepNamed('pay').thinkMs).toBe(9000);
  });

  it('writes a YAML journey that loads back as the same journey', async () => {
    const { journey } = imported();
    const file = path.join(dir, 'native.yaml');
    await writeFile(file, journeyYaml(journey, 'recording.har'));
    const loaded = await loadJourney(file);
    expect(loaded).toEqual(journey);
  });
});

describe('importHar refuses what it cannot read, in one line', () => {
  it.each([
    ['not JSON', 'GET / HTTP/1.1', 'recording.har is not JSON'],
    ['not a HAR', '{"entries": []}', 'recording.har is not a HAR: it has no log.entries'],
    ['no requests at all', '{"log": {"entries": []}}', 'recording.har has no requests'],
  ])('%s', (_, text, message) => {
    expect(() => importHar(text, { file: 'recording.har', name: 'x' })).toThrow(message);
  });

  it('says so when the chosen origin has no requests', () => {
    expect(() => importHar(har, { file: 'recording.har', name: 'x', origin: 'https://elsewhere.example' })).toThrow(/has no requests to the store at https:\/\/elsewhere\.example/);
  });
});
