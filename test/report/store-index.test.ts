import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/engine/report.js';
import { indexEntry, renderIndexMarkdown, worstFirst, type IndexEntry } from '../../src/report/store-index.js';
import { ROOT } from '../helpers/cli.js';

const golden = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/golden/report.json'), 'utf8')) as Report;
const ipWarmup = golden.findings.find((finding) => finding.check === 'ip-warmup')!;

/** The golden store with ip-warmup holding one finding. */
const withFinding = (change: Partial<Finding>): Report => ({ ...golden, findings: [{ ...ipWarmup, ...change }] });
const lightOf = (report: Report) => indexEntry(report, []).checks.find((check) => check.id === 'ip-warmup')!.light;

describe('the index of stores', () => {
  it.each([
    { finding: { status: 'pass' }, light: 'pass' },
    { finding: { status: 'skip' }, light: 'pass' },
    { finding: { status: 'warn', severity: 'critical' }, light: 'warn' },
    { finding: { status: 'fail', severity: 'medium' }, light: 'warn' },
    { finding: { status: 'fail', severity: 'high' }, light: 'fail' },
    { finding: { status: 'error', severity: 'low' }, light: 'error' },
  ] as const)('a check whose finding is $finding.status at $finding.severity (fail-on high) is $light', ({ finding, light }) => {
    expect(lightOf(withFinding(finding))).toBe(light);
  });

  it('a check not run is skipped, one that could not complete is could-not-check', () => {
    const withoutSms: Report = {
      ...golden,
      checks: golden.checks.map((run) => (run.id === 'sms-routing' ? { ...run, state: 'skipped', reason: 'the profile has no sms-routing section' } : run)),
      findings: golden.findings.filter((finding) => finding.check !== 'sms-routing'),
    };
    expect(indexEntry(withoutSms, []).checks).toEqual([
      { id: 'email-auth', light: 'fail' },
      { id: 'ip-warmup', light: 'fail' },
      { id: 'sms-routing', light: 'skipped' },
      { id: 'checkout-load', light: 'fail' },
      { id: 'inventory-feed', light: 'error' },
    ]);
  });

  it('lists the worst first: could not be judged, then most failures, then most could-not-check, then by name', () => {
    const entry = (store: string, exitCode: number, failures: number, couldNotCheck: number): IndexEntry => ({ store, profile: `${store}.yaml`, judged: exitCode < 2, exitCode, verdict: '', failures, couldNotCheck, checks: [], reports: [] });
    const sorted = worstFirst([entry('b', 0, 0, 0), entry('a', 0, 0, 0), entry('c', 1, 1, 9), entry('d', 1, 2, 0), entry('e', 2, 0, 0), entry('f', 1, 1, 10)]);
    expect(sorted.map((item) => item.store)).toEqual(['e', 'd', 'f', 'c', 'a', 'b']);
  });

  it('Markdown: one row per store with a light per check and links to its files', () => {
    const markdown = renderIndexMarkdown([indexEntry(golden, ['golden-store.md', 'golden store.json'])]);
    expect(markdown).toContain('| | Store | `email-auth` | `ip-warmup` | `sms-routing` | `checkout-load` | `inventory-feed` | Verdict | Report |');
    expect(markdown).toContain(`| ❌ | Golden Goods | 🔴 | 🔴 | 🟢 | 🔴 | ⚠️ | ${golden.summary.verdict} | [md](golden-store.md) · [json](golden%20store.json) |`);
  });
});
