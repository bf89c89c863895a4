#!/usr/bin/env node
/**
 * Records the browser HARs in fixtures/har/: a headless Chromium (Debian's, driven by playwright-core,
 * no browser download) buys a jacket from the storefront simulator the way a shopper does, once through
 * the native checkout and once with the Shop Pay-like wallet, while the browser context writes a HAR.
 *
 *   npm run build && node scripts/record-har.mjs [folder]      (default: fixtures/har)
 *
 * CHROMIUM_PATH names another Chromium. Everything stays on loopback: any request to another origin is
 * aborted (and the recording fails). Only test values are typed: a test email, name, address, and the
 * test gateway's card "1".
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { StoreSimulator } from '../dist/src/simulators/store/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Each browser action waits at most this long: a page that never answers ends the recording, never hangs it. */
const ACTION_TIMEOUT_MS = 15_000;

/** What a test shopper types into the checkout form. */
export const TEST_SHOPPER = { email: 'test@example.com', firstName: 'Rita', lastName: 'Recorder', address: '12 Recording Lane', postcode: '94103', card: '1' };

const THANK_YOU = /\/checkouts\/cn\/[0-9a-f]{32}\/thank-you$/;

/** Product page → Add to cart → cart page → Check out → checkout form → Pay now → thank-you page. */
async function buyThroughCheckout(page, origin) {
  await page.goto(`${origin}/products/trail-jacket`);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await page.waitForURL(`${origin}/cart`);
  await page.getByRole('button', { name: 'Check out' }).click();
  await page.waitForURL(/\/checkouts\/cn\/[0-9a-f]{32}$/);
  await page.getByLabel('Email').fill(TEST_SHOPPER.email);
  await page.getByLabel('First name').fill(TEST_SHOPPER.firstName);
  await page.getByLabel('Last name').fill(TEST_SHOPPER.lastName);
  await page.getByLabel('Address').fill(TEST_SHOPPER.address);
  await page.getByLabel('Postcode').fill(TEST_SHOPPER.postcode);
  await page.getByLabel(/^Card/).fill(TEST_SHOPPER.card);
  await page.getByRole('button', { name: 'Pay now' }).click();
  await page.waitForURL(THANK_YOU);
  await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
}

/** Product page → Buy with Shop Pay (the page's script adds to cart, opens and pays the wallet checkout) → thank-you page. */
async function buyWithShopPay(page, origin) {
  await page.goto(`${origin}/products/trail-jacket`);
  await page.getByRole('button', { name: 'Buy with Shop Pay' }).click();
  await page.waitForURL(THANK_YOU);
  await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
}

/** The recordings, by the journey they hold. */
export const PURCHASES = {
  native: { file: 'chromium-native-checkout.har', shop: buyThroughCheckout },
  'shop-pay': { file: 'chromium-shop-pay.har', shop: buyWithShopPay },
};

/**
 * Records one purchase into `harPath` against a fresh simulator and says what it saw: the orders the
 * store took (one when the purchase went through) and any request that tried to leave loopback.
 */
export async function recordPurchase(kind, harPath, { executablePath = CHROMIUM } = {}) {
  const purchase = PURCHASES[kind];
  if (!purchase) throw new Error(`no purchase named ${kind}: ${Object.keys(PURCHASES).join(', ')}`);
  const store = new StoreSimulator();
  const { url: origin } = await store.start();
  const blocked = [];
  let browser;
  try {
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'], timeout: ACTION_TIMEOUT_MS });
    const context = await browser.newContext({ recordHar: { path: harPath, content: 'embed' }, serviceWorkers: 'block' });
    context.setDefaultTimeout(ACTION_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
    // Only the simulator's own requests are let through; the rest never leave the machine.
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        blocked.push(new URL(route.request().url()).origin);
        return route.abort('blockedbyclient');
      },
    );
    await purchase.shop(await context.newPage(), origin);
    await context.close(); // Writes the HAR, on one line.
    // Indented, so that a new recording reads as a diff in review.
    await writeFile(harPath, `${JSON.stringify(JSON.parse(await readFile(harPath, 'utf8')), null, 2)}\n`);
    return { orders: store.orders.length, blocked };
  } finally {
    await browser?.close();
    await store.stop();
  }
}

async function main() {
  const folder = path.resolve(process.argv[2] ?? path.join(ROOT, 'fixtures/har'));
  await mkdir(folder, { recursive: true });
  let failed = false;
  for (const [kind, { file }] of Object.entries(PURCHASES)) {
    const harPath = path.join(folder, file);
    const { orders, blocked } = await recordPurchase(kind, harPath);
    const ok = orders === 1 && blocked.length === 0;
    failed ||= !ok;
    const leaks = blocked.length > 0 ? `, ${blocked.length} request(s) to other origins aborted: ${[...new Set(blocked)].join(', ')}` : '';
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${kind}: ${path.relative(process.cwd(), harPath)} (${orders} order${orders === 1 ? '' : 's'}${leaks})`);
  }
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
