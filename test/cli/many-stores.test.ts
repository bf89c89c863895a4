import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../src/report/store-index.js';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.js';
import { writeOfflineStore } from '../helpers/offline-store.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-many-'));
const INVALID = 'fixtures/profiles/invalid/bad-date.yaml';
const INVALID_LINE = 'fixtures/profiles/invalid/bad-date.yaml:7:10: peak.start: "27/11/2026" is not a date (expected YYYY-MM-DD)';

describe('many stores in one run', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('50 stores, one invalid: 49 reports, an index of all 50 worst first, the worst exit code', async () => {
    const dir = temp();
    // Stores 0-9 plan below their peak volume (a failure); the others reach it.
    const stores = Array.from({ length: 49 }, (_, i) => writeOfflineStore(path.join(dir, `clients/store-${String(i).padStart(2, '0')}.yaml`), `Store ${i}`, i < 10 ? 5_000_000 : 150));
    const out = path.join(dir, 'reports/');
    const result = await runCli(['audit', ...stores.slice(0, 20), INVALID, ...stores.slice(20), '--today', '2026-11-20', '--format', 'json', '--out', out, '--format', 'markdown', '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(INVALID_LINE);
    const written = readdirSync(out);
    expect(written.filter((file) => file.startsWith('store-') && file.endsWith('.json'))).toHaveLength(49);
    expect(written).toEqual(expect.arrayContaining(['bad-date.json', 'bad-date.md', 'index.md', 'index.json']));

    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as { exitCode: number; stores: IndexEntry[] };
    expect(index.exitCode).toBe(2);
    expect(index.stores).toHaveLength(50);
    expect(index.stores.map((store) => store.exitCode)).toEqual([2, ...Array<number>(10).fill(1), ...Array<number>(39).fill(0)]);
    expect(index.stores[0]).toMatchObject({ store: INVALID, judged: false, reports: ['bad-date.json', 'bad-date.md'] });
    expect(index.stores[0]!.verdict).toBe(`could not be judged: ${INVALID_LINE}`);
    expect(index.stores[1]!.checks).toEqual([{ id: 'email-auth', light: 'skipped' }, { id: 'ip-warmup', light: 'fail' }, { id: 'sms-routing', light: 'skipped' }, { id: 'checkout-load', light: 'skipped' }]);

    const markdown = readFileSync(path.join(out, 'index.md'), 'utf8');
    expect(markdown).toContain('## q4check: 50 stores, 1 could not be judged');
    expect(markdown.split('\n').filter((line) => line.startsWith('| ⛔ | fixtures/profiles/invalid/bad-date.yaml |'))).toHaveLength(1);
    expect(markdown).toContain('[json](store-00.json) · [md](store-00.md)');

    // Each file written is named with its store's verdict, on stdout as nothing else goes there.
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(`${out}store-00.json: Store 0: 1 failure at or above high`);
    expect(lines).toContain(`${out}bad-date.md: ${INVALID} could not be judged: ${INVALID_LINE}`);
    expect(lines.at(-1)).toBe(`${out}index.md, index.json: 50 stores, worst first`);
  });

  it('a CI job whose profile is broken still gets the JUnit and JSON files it asked for', async () => {
    const dir = temp();
    const xml = path.join(dir, 'junit/q4check.xml');
    const json = path.join(dir, 'report.json');
    const result = await runCli(['audit', INVALID, '--format', 'junit', '--out', xml, '--format', 'json', '--out', json]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${INVALID_LINE}\n`);
    const junit = readFileSync(xml, 'utf8');
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit.match(/<testcase /g)).toHaveLength(1);
    expect(junit).toContain(`<testcase classname="profile" name="profile · ${INVALID}">`);
    expect(junit).toContain('<error type="profile" message="fixtures/profiles/invalid/bad-date.yaml:7:10: peak.start: &quot;27/11/2026&quot; is not a date (expected YYYY-MM-DD)"');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { judged: boolean; problems: string[]; summary: { exitCode: number } };
    expect(report).toMatchObject({ judged: false, problems: [INVALID_LINE], summary: { exitCode: 2 } });
  });

  it('a single invalid profile to the terminal prints its problems on stderr only, as before', async () => {
    const result = await runCli(['audit', INVALID]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${INVALID_LINE}\n`);
    expect(existsSync('bad-date.txt')).toBe(false);
  });
});

describe('an HTML folder', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('gets index.html beside the reports, worst first, linking to each', async () => {
    const dir = temp();
    const good = writeOfflineStore(path.join(dir, 'good.yaml'), 'Good Store', 150);
    const out = path.join(dir, 'html/');
    const result = await runCli(['audit', good, INVALID, '--today', '2026-11-20', '--format', 'html', '--out', out]);
    expect(result.status).toBe(2);
    expect(readdirSync(out).sort()).toEqual(['bad-date.html', 'good.html', 'index.html', 'index.json', 'index.md']);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index.indexOf('bad-date.html')).toBeLessThan(index.indexOf('good.html'));
    expect(index).toContain('<a href="good.html">html</a>');
    expect(index).not.toMatch(/<script|\ssrc=|href="http/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`${out}index.md, index.json, index.html: 2 stores, worst first`);
  });
});

describe('--concurrency', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('stores audited at once give the same reports, in the order given, as one at a time', async () => {
    const dir = temp();
    const stores = Array.from({ length: 8 }, (_, i) => writeOfflineStore(path.join(dir, `s${i}.yaml`), `Store ${i}`, i % 3 === 0 ? 5_000_000 : 150));
    const judge = async (concurrency: string) => {
      const result = await runCli(['audit', ...stores, INVALID, '--today', '2026-11-20', '--format', 'json', '--concurrency', concurrency]);
      expect(result.status).toBe(2);
      const reports = JSON.parse(result.stdout) as { store?: { name: string }; checks?: { durationMs: number }[] }[];
      return reports.map((report) => ({ ...report, checks: report.checks?.map((check) => ({ ...check, durationMs: 0 })) }));
    };
    const one = await judge('1');
    expect(one.map((report) => report.store?.name ?? 'unjudged')).toEqual([...stores.map((_, i) => `Store ${i}`), 'unjudged']);
    // The one that could not be judged is a JSON report too, as `report` reads it back.
    expect(one.at(-1)).toMatchObject({ schemaVersion: 1, judged: false, profile: INVALID, summary: { exitCode: 2 } });
    expect(await judge('8')).toEqual(one);
  });

  it('refuses a count that is not a whole number above 0', async () => {
    const result = await runCli(['audit', INVALID, '--concurrency', '0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('q4check: --concurrency takes a whole number of stores above 0, not "0"\n');
  });
});
