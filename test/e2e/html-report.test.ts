import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Debian's chromium, driven by playwright-core: no browser download. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const GOLDEN_HTML = path.join(ROOT, 'fixtures/golden/report.html');
const OUTPUT = path.join(ROOT, 'test/e2e/output');

// The few calls this test makes, typed here so the suite type-checks without the package's types.
/** An <svg> as the page sees it (the suite is compiled without the DOM library). */
interface SvgInPage {
  getBBox(): { width: number; height: number };
  querySelectorAll(selector: string): { length: number };
}
/** A matrix <table> as the page sees it: its rows, and each cell's text and painted background. */
interface TableInPage {
  getBoundingClientRect(): { width: number; height: number };
  querySelectorAll(selector: 'tbody tr'): ArrayLike<{ querySelectorAll(selector: 'td'): ArrayLike<{ textContent: string | null; className: string }> }>;
}
interface Page {
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  route(pattern: string, handler: (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => Promise<void>): Promise<void>;
  goto(url: string): Promise<unknown>;
  $$eval<T>(selector: 'table.matrix', fn: (tables: TableInPage[]) => T): Promise<T>;
  $$eval<T>(selector: string, fn: (elements: SvgInPage[]) => T): Promise<T>;
  screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
  emulateMedia(options: { media: 'print' | 'screen' }): Promise<void>;
}
interface Browser {
  newPage(options: { viewport: { width: number; height: number } }): Promise<Page>;
  close(): Promise<void>;
}
interface Playwright {
  chromium: { launch(options: { executablePath: string; args: string[] }): Promise<Browser> };
}

const PLAYWRIGHT = 'playwright-core';

describe('the golden HTML report in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const leaving: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
    const { chromium } = (await import(PLAYWRIGHT)) as Playwright;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    const own = pathToFileURL(GOLDEN_HTML).href;
    // Anything but the page itself is recorded and refused: a self-contained report asks for nothing.
    await page.route('**/*', async (route) => {
      if (route.request().url() === own) return route.continue();
      leaving.push(route.request().url());
      return route.abort();
    });
    await page.goto(own);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders with no console error and no request leaving the page', () => {
    expect(consoleErrors).toEqual([]);
    expect(leaving).toEqual([]);
  });

  it('every chart has content: a drawn area and marks inside it', async () => {
    const charts = await page.$$eval('svg', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBBox();
        return { width: box.width, height: box.height, marks: svg.querySelectorAll('polyline, path, text').length };
      }),
    );
    expect(charts.length).toBeGreaterThan(1);
    for (const chart of charts) {
      expect(chart.width).toBeGreaterThan(100);
      expect(chart.height).toBeGreaterThan(100);
      expect(chart.marks).toBeGreaterThan(3);
    }
  });

  it('every matrix has content: rows on the page, each with a filled, coloured cell', async () => {
    const tables = await page.$$eval('table.matrix', (found) =>
      found.map((table) => {
        const box = table.getBoundingClientRect();
        const rows = Array.from(table.querySelectorAll('tbody tr'), (row) => Array.from(row.querySelectorAll('td')).filter((cell) => (cell.textContent ?? '').trim() !== '' && cell.className.startsWith('tone-')).length);
        return { width: box.width, height: box.height, rows };
      }),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.width).toBeGreaterThan(100);
      expect(table.height).toBeGreaterThan(100);
      expect(table.rows.length).toBeGreaterThan(3);
      for (const filled of table.rows) expect(filled).toBeGreaterThan(0);
    }
  });

  it('saves a screenshot beside the test output, on screen and as printed', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const screen = path.join(OUTPUT, 'golden-report.png');
    await page.screenshot({ path: screen, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const printed = path.join(OUTPUT, 'golden-report-print.png');
    await page.screenshot({ path: printed, fullPage: true });
    expect(existsSync(screen) && existsSync(printed)).toBe(true);
  });
});
