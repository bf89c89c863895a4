import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { renderers } from '../../src/report/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { useDemoServices } from '../helpers/demo-services.js';

const GOLDEN = path.join(ROOT, 'fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CONTEXT = { color: false, width: 100, quiet: false };

/** Durations and the version change from run to run and release to release; nothing else may. */
const scrub = (report: Report): Report => ({
  ...report,
  tool: { ...report.tool, version: '0.0.0-golden' },
  checks: report.checks.map((run) => ({ ...run, durationMs: 0 })),
});

const matchGolden = (file: string, actual: string): void => {
  const target = path.join(GOLDEN, file);
  if (UPDATE || !existsSync(target)) writeFileSync(target, actual);
  expect(actual, `${file} differs from the golden file; run npm run test:update and review the diff`).toBe(readFileSync(target, 'utf8'));
};

const PROFILE = 'fixtures/profiles/valid/golden-store.yaml';
const ARTIFACTS = 'fixtures/golden/artifacts';

describe('golden reports', () => {
  let report: Report;
  const services = useDemoServices();

  beforeAll(async () => {
    // The report is judged from recorded artifacts (Lighthouse's -A): the same bytes on any machine.
    if (UPDATE || !existsSync(path.join(ROOT, ARTIFACTS))) {
      await runCli(['audit', PROFILE, '--today', '2026-11-20', '--resolver', services.dnsAddress(), '--save-artifacts', ARTIFACTS]);
    }
    const result = await runCli(['audit', PROFILE, '--today', '2026-11-20', '--format', 'json', '--from-artifacts', ARTIFACTS]);
    expect(result.status).toBe(1);
    report = scrub(JSON.parse(result.stdout) as Report);
  });

  it('the JSON report', () => {
    expect(report.schemaVersion).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.status))).toEqual(new Set(['pass', 'warn', 'fail', 'error', 'skip']));
    matchGolden('report.json', `${JSON.stringify(report, null, 2)}\n`);
  });

  it.each([
    ['terminal', 'report.txt'],
    ['junit', 'report.xml'],
    ['markdown', 'report.md'],
  ] as const)('%s renders the golden report', (format, file) => {
    const golden = JSON.parse(readFileSync(path.join(GOLDEN, 'report.json'), 'utf8')) as Report;
    matchGolden(file, renderers[format](golden, CONTEXT));
  });

  it('JUnit is well-formed XML with one suite per check', () => {
    const xml = renderers.junit(report, CONTEXT);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.match(/<testsuite /g)).toHaveLength(report.checks.length);
  });

  it('colour appears only when asked for', () => {
    expect(renderers.terminal(report, { ...CONTEXT, color: true })).toMatch(/\u001b\[/);
    expect(renderers.terminal(report, CONTEXT)).not.toMatch(/\u001b\[/);
  });
});
