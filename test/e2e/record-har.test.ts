import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHar } from '../../src/journey/har/import.js';
import { ROOT } from '../helpers/cli.js';
import { differencesFromRecording, REPLAY_SESSIONS, replayOnFreshStore } from '../helpers/replay-on-store.js';

/** Debian's chromium, driven by playwright-core: no browser download. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The recording script, as `node scripts/record-har.mjs` runs it (it reads the built simulator: `npm run test:e2e` builds first). */
const RECORDER = pathToFileURL(path.join(ROOT, 'scripts/record-har.mjs')).href;

// The script's face, typed here: it is plain JavaScript.
type Purchase = 'native' | 'shop-pay';
interface Recorder {
  PURCHASES: Record<Purchase, { file: string }>;
  recordPurchase(kind: Purchase, harPath: string, options: { executablePath: string }): Promise<{ orders: number; blocked: string[] }>;
}

/**
 * Records both purchases afresh in headless Chromium, as scripts/record-har.mjs does for the committed
 * fixtures, and checks that what a browser records today still imports into journeys that buy with
 * live tokens: the page scripts, the importer and the engine kept in step.
 */
describe.each<Purchase>(['native', 'shop-pay'])('a fresh Chromium recording of the %s purchase', (purchase) => {
  let folder: string;
  let recorder: Recorder;
  let recorded: { orders: number; blocked: string[] };
  let harPath: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
    recorder = (await import(RECORDER)) as Recorder;
    folder = await mkdtemp(path.join(tmpdir(), 'q4check-record-'));
    harPath = path.join(folder, recorder.PURCHASES[purchase].file);
    recorded = await recorder.recordPurchase(purchase, harPath, { executablePath: CHROMIUM });
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('bought once, with nothing sent off loopback', () => {
    expect(recorded).toEqual({ orders: 1, blocked: [] });
  });

  it(`imports into a journey that buys once per shopper from a fresh simulator (${REPLAY_SESSIONS} shoppers)`, async () => {
    const { journey, summary } = importHar(await readFile(harPath, 'utf8'), { file: path.basename(harPath), name: purchase });
    expect(summary.correlations.map((correlation) => correlation.name)).toEqual(purchase === 'native' ? ['checkoutToken', 'authenticityToken'] : ['checkoutToken']);
    expect(journey.steps.filter((step) => step.payment)).toHaveLength(1);
    const { result, orders } = await replayOnFreshStore(journey);
    expect(differencesFromRecording(journey, result)).toEqual([]);
    expect(new Set(orders.map((order) => order.checkoutToken)).size).toBe(REPLAY_SESSIONS);
  });
});
