import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('q4check commands', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('checks lists every rule with its default severity', async () => {
    const result = await runCli(['checks', '--format', 'json']);
    const checks = JSON.parse(result.stdout) as { id: string; rules: { id: string; severity: string }[] }[];
    const ipWarmup = checks.find((check) => check.id === 'ip-warmup');
    expect(ipWarmup?.rules.map((rule) => rule.id)).toContain('ip-warmup/peak-readiness');
    const text = await runCli(['checks']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('ip-warmup/complaint-rate');
  });

  it('schema prints the JSON Schema committed in schema/, generated from the zod schema', async () => {
    const result = await runCli(['schema']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'store', 'peak', 'checks', 'severity', 'suppress']));
    expect(result.stdout, 'schema/q4check.schema.json is stale: run q4check schema > schema/q4check.schema.json').toBe(
      readFileSync(path.join(ROOT, 'schema/q4check.schema.json'), 'utf8'),
    );
  });

  it('init writes a starter profile that passes its audit, and refuses to overwrite it', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'q4check-init-')), 'store.yaml');
    expect((await runCli(['init', file])).status).toBe(0);
    expect(existsSync(file)).toBe(true);
    // Today, wherever the clock stands: the starter follows the coming peak.
    const audit = await runCli(['audit', file]);
    expect(audit.stdout).toContain('IP warm-up (ip-warmup)');
    expect(audit.stdout.trim().split('\n').at(-1)).toBe('Exit code 0: no failures at or above high.');
    expect(audit.status).toBe(0);
    const again = await runCli(['init', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`q4check: ${file} already exists (use --force to overwrite it)\n`);
  });

  it.each([
    // Spring: the warm-up is ahead. Autumn: behind, reaching its volume weeks before the peak.
    { today: '2025-10-01', peak: '2025-11-28' },
    { today: '2026-06-01', peak: '2026-11-27' },
    { today: '2026-11-26', peak: '2026-11-27' },
    // During the peak, then the day after Cyber Monday, when the next year's peak is the coming one.
    { today: '2026-11-29', peak: '2026-11-27' },
    { today: '2026-12-01', peak: '2027-11-26' },
    { today: '2028-02-29', peak: '2028-11-24' },
  ])('init --today $today writes a starter for the peak of $peak that passes its audit that day', async ({ today, peak }) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'q4check-init-')), 'store.yaml');
    expect((await runCli(['init', file, '--today', today])).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`#   start: ${peak}\n`);
    const audit = await runCli(['audit', file, '--today', today]);
    expect(audit.stdout).toContain(`, ${peak} to `);
    expect(audit.stdout.trim().split('\n').at(-1)).toBe('Exit code 0: no failures at or above high.');
    expect(audit.status).toBe(0);
  });

  it('init --today refuses a date that is not one', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'q4check-init-')), 'store.yaml');
    const result = await runCli(['init', file, '--today', '2026-02-30']);
    expect(result).toMatchObject({ status: 2, stderr: 'q4check: --today takes a date written YYYY-MM-DD, not "2026-02-30"\n' });
    expect(existsSync(file)).toBe(false);
  });

  it('demo refuses a flag mistake in one line before it audits', async () => {
    const result = await runCli(['demo', '--out', 'r.pdf']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('q4check: --out r.pdf: no format has that extension (.txt, .json, .xml, .md, .html, .sarif, .markdown, .htm, .sarif.json); give --format before --out\n');
    expect(result.stdout).toBe('');
  });

  it('demo audits the embedded store and ends with the exit line', async () => {
    const result = await runCli(['demo']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('mistakes on purpose');
    expect(result.stdout).toContain('Acme Outdoor (demo)');
    expect(result.stdout).toContain('Planned daily volume, all IPs');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Exit code 1: /);
  });
});
