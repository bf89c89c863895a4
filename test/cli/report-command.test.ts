import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli, stackTraceOrPath } from '../helpers/cli.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-report-'));
const GOLDEN = 'fixtures/golden/report.json';
const DEAD = 'fixtures/golden/could-not-check/report.json';
const golden = (file: string) => readFileSync(path.join(ROOT, 'fixtures/golden', file), 'utf8');

describe('q4check report: saved JSON reports rendered again', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([
    ['terminal', 'report.txt'],
    ['junit', 'report.xml'],
    ['markdown', 'report.md'],
  ])('--format %s gives the golden %s, with the exit code of the report', async (format, file) => {
    const result = await runCli(['report', GOLDEN, '--format', format]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(golden(file));
    expect(result.status).toBe(1);
  });

  it('several reports, and the array audit prints for several profiles, into a folder with an index', async () => {
    const dir = temp();
    const both = path.join(dir, 'both.json');
    writeFileSync(both, JSON.stringify([JSON.parse(golden('report.json')), JSON.parse(golden('could-not-check/report.json'))]));
    const out = path.join(dir, 'md/');
    const result = await runCli(['report', both, '--format', 'markdown', '--out', out]);
    expect(result.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['dead-services.md', 'golden-store.md', 'index.json', 'index.md']);
    expect(readFileSync(path.join(out, 'golden-store.md'), 'utf8')).toBe(golden('report.md'));
    expect(result.stdout).toContain(`${out}dead-services.md: Dead Services: `);
  });

  it('a saved report of a profile that could not be judged renders as one again', async () => {
    const dir = temp();
    const saved = path.join(dir, 'broken.json');
    await runCli(['audit', 'fixtures/profiles/invalid/bad-date.yaml', '--format', 'json', '--out', saved]);
    const result = await runCli(['report', saved, DEAD, '--format', 'junit', '--out', path.join(dir, 'junit/')]);
    expect(result.status).toBe(2);
    expect(readFileSync(path.join(dir, 'junit/bad-date.xml'), 'utf8')).toContain('<error type="profile" message="fixtures/profiles/invalid/bad-date.yaml:7:10');
  });

  it.each([
    { content: 'not json', stderr: 'is not JSON; give the reports written by --format json' },
    { content: '{"schemaVersion": 2, "tool": {"name": "q4check"}, "profile": "x.yaml"}', stderr: 'is not a q4check JSON report (schemaVersion 1)' },
  ])('$stderr: exit 2, one line', async ({ content, stderr }) => {
    const file = path.join(temp(), 'r.json');
    writeFileSync(file, content);
    const result = await runCli(['report', file, '--format', 'markdown']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`q4check: ${file}: ${stderr}\n`);
    expect(stackTraceOrPath(result.stderr)).toBeUndefined();
  });
});
