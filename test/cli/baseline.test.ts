import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.js';
import { writeOfflineStore } from '../helpers/offline-store.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-baseline-'));
/** A second IP whose ramp jumps tenfold in a day: a ramp-growth failure of its own. */
const STEEP_IP = '{address: 198.51.100.11, start: 2026-08-24, plan: [50, 500]}';
const judge = (profile: string, ...flags: string[]) => runCli(['audit', profile, '--today', '2026-11-20', '--format', 'json', ...flags]);
const failures = (report: Report) => report.findings.filter((finding) => finding.status === 'fail').map((finding) => `${finding.rule} · ${finding.subject}`);

describe('--baseline: only regressions fail', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('the same failures as the baseline report: exit 0, each skipped with the reason baseline', async () => {
    const dir = temp();
    const profile = writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000);
    const first = await judge(profile);
    expect(first.status).toBe(1);
    const baseline = path.join(dir, 'last.json');
    writeFileSync(baseline, first.stdout);
    const known = failures(JSON.parse(first.stdout) as Report);
    expect(known).toContain('ip-warmup/peak-readiness · all IPs');

    const again = await judge(profile, '--baseline', baseline);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout) as Report;
    expect(failures(report)).toEqual([]);
    const skipped = report.findings.filter((finding) => finding.suppressed?.reason === 'baseline').map((finding) => `${finding.rule} · ${finding.subject}`);
    expect(skipped.sort()).toEqual([...known].sort());
  });

  it('a failure is known by store, rule and subject, not by its message or numbers', async () => {
    const dir = temp();
    const baseline = path.join(dir, 'last.json');
    writeFileSync(baseline, (await judge(writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000))).stdout);
    const result = await judge(writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 7_000_000), '--baseline', baseline);
    expect(result.status).toBe(0);
    // Another store with the same failures is not covered by Alpine's baseline.
    const other = await judge(writeOfflineStore(path.join(dir, 'other.yaml'), 'Prairie', 5_000_000), '--baseline', baseline);
    expect(other.status).toBe(1);
  });

  it('one new failure: exit 1, and the report names it and only it', async () => {
    const dir = temp();
    const baseline = path.join(dir, 'last.json');
    writeFileSync(baseline, (await judge(writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000))).stdout);
    const profile = writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000, [STEEP_IP]);
    const result = await judge(profile, '--baseline', baseline);
    expect(result.status).toBe(1);
    expect(failures(JSON.parse(result.stdout) as Report)).toContain('ip-warmup/ramp-growth · 198.51.100.11');
    expect(failures(JSON.parse(result.stdout) as Report).every((failure) => failure.endsWith('198.51.100.11'))).toBe(true);
    const terminal = await runCli(['audit', profile, '--today', '2026-11-20', '--baseline', baseline]);
    expect(terminal.stdout).toMatch(/ramp-growth[\s\S]*198\.51\.100\.11/);
  });

  it('a fixed failure is listed as fixed', async () => {
    const dir = temp();
    const baseline = path.join(dir, 'last.json');
    writeFileSync(baseline, (await judge(writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000, [STEEP_IP]))).stdout);
    const result = await judge(writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000), '--baseline', baseline);
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as Report).notices).toContain('Fixed since the baseline: ip-warmup/ramp-growth · 198.51.100.11.');
  });

  it('--update-baseline writes the failures sorted, the same bytes on every run, and the next run passes against it', async () => {
    const dir = temp();
    const profile = writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine', 5_000_000, [STEEP_IP]);
    const baseline = path.join(dir, 'baseline.json');
    expect((await judge(profile, '--baseline', baseline, '--update-baseline')).status).toBe(1);
    const written = readFileSync(baseline, 'utf8');
    const entries = (JSON.parse(written) as { failures: { store: string; rule: string; subject: string }[] }).failures;
    expect(entries.map((entry) => `${entry.rule} · ${entry.subject}`)).toEqual([...entries.map((entry) => `${entry.rule} · ${entry.subject}`)].sort());
    expect(entries).toContainEqual({ store: 'Alpine', rule: 'ip-warmup/ramp-growth', subject: '198.51.100.11' });
    expect((await judge(profile, '--baseline', baseline, '--update-baseline')).status).toBe(0);
    expect(readFileSync(baseline, 'utf8')).toBe(written);
  });

  it.each([
    { flags: ['--update-baseline'], stderr: 'q4check: --update-baseline writes the file --baseline names: give --baseline FILE\n' },
    { flags: ['--baseline', 'missing.json'], stderr: 'q4check: --baseline missing.json: file not found (write one with --update-baseline)\n' },
  ])('$flags: exit 2, one line', async ({ flags, stderr }) => {
    const profile = writeOfflineStore(path.join(temp(), 'store.yaml'), 'Alpine', 150);
    const result = await judge(profile, ...flags);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(stderr);
  });
});
