import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { renderers } from '../../src/report/index.js';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';
import { useDemoServices } from '../helpers/demo-services.js';
import { useDeadServices } from '../helpers/dead-services.js';

const GOLDEN = path.join(ROOT, 'fixtures/golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CONTEXT = { color: false, width: 100, quiet: false };

/** Durations and the version change from run to run and release to release; nothing else may. */
const scrub = (report: Report): Report => ({
  ...report,
  tool: { ...report.tool, version: '0.0.0-golden' },
  checks: report.checks.map((run) => ({ ...run, durationMs: 0 })),
});

/** The golden file's text; a missing one fails (a test must never compare a fresh file with itself) unless UPDATE_GOLDEN=1 writes it. */
const readGolden = (target: string, actual: string, update: boolean): string => {
  if (update) writeFileSync(target, actual);
  if (!existsSync(target)) throw new Error(`${path.basename(target)} is missing: run npm run test:update, review it and commit it`);
  return readFileSync(target, 'utf8');
};

const matchGolden = (file: string, actual: string): void => {
  const golden = readGolden(path.join(GOLDEN, file), actual, UPDATE);
  expect(actual, `${file} differs from the golden file; run npm run test:update and review the diff`).toBe(golden);
};

const PROFILE = 'fixtures/profiles/valid/golden-store.yaml';
const ARTIFACTS = 'fixtures/golden/artifacts';

describe('golden reports', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let report: Report;
  // Cart changes answered in 300 ms against the golden store's p95 of 150 ms: its latency tables show both tones however fast the machine.
  const services = useDemoServices({ store: { slowDiscountMs: 300 } });

  beforeAll(async () => {
    // The report is judged from recorded artifacts (Lighthouse's -A): the same bytes on any machine.
    if (UPDATE) {
      await runCli(['audit', PROFILE, '--today', '2026-11-20', ...services.flags(), '--save-artifacts', ARTIFACTS], { env: services.env() });
    }
    // The profile names the webhook's token by ${ENV}: loading it needs a value, judging never uses it.
    const result = await runCli(['audit', PROFILE, '--today', '2026-11-20', '--format', 'json', '--from-artifacts', ARTIFACTS], { env: services.env() });
    expect(result.status).toBe(1);
    report = scrub(JSON.parse(result.stdout) as Report);
  }, CLI_TEST_TIMEOUT_MS);

  it('a missing golden file fails unless UPDATE_GOLDEN=1 writes it', () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'q4check-golden-')), 'report.txt');
    expect(() => readGolden(target, 'fresh', false)).toThrow('report.txt is missing: run npm run test:update');
    expect(existsSync(target)).toBe(false);
    expect(readGolden(target, 'fresh', true)).toBe('fresh');
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
    ['html', 'report.html'],
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

const DEAD_PROFILE = 'fixtures/profiles/valid/dead-services.yaml';
const DEAD_ARTIFACTS = 'fixtures/golden/could-not-check/artifacts';

/** A store audited the day after its peak with its resolver and webhook down: notices and causes lead every format. */
describe('golden reports of a store whose services are down', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let report: Report;
  const dead = useDeadServices();

  beforeAll(async () => {
    const judge = ['audit', DEAD_PROFILE, '--today', '2026-12-01'];
    if (UPDATE) await runCli([...judge, ...dead.flags(), '--save-artifacts', DEAD_ARTIFACTS], { env: dead.env() });
    const result = await runCli([...judge, '--format', 'json', '--from-artifacts', DEAD_ARTIFACTS]);
    expect(result.status).toBe(1);
    report = scrub(JSON.parse(result.stdout) as Report);
  }, CLI_TEST_TIMEOUT_MS);

  it('the JSON report names two causes and the peak that ended', () => {
    expect(report.summary.causes.map((group) => group.cause.split(':')[0])).toEqual(['http', 'dns']);
    expect(report.notices).toEqual(['Black Friday 2026 ended 1 day ago (2026-11-30); the next derived peak is 2027-11-26.']);
    matchGolden('could-not-check/report.json', `${JSON.stringify(report, null, 2)}\n`);
  });

  it.each([
    ['terminal', 'could-not-check/report.txt'],
    ['junit', 'could-not-check/report.xml'],
    ['markdown', 'could-not-check/report.md'],
    ['html', 'could-not-check/report.html'],
  ] as const)('%s renders it', (format, file) => {
    const golden = JSON.parse(readFileSync(path.join(GOLDEN, 'could-not-check/report.json'), 'utf8')) as Report;
    matchGolden(file, renderers[format](golden, CONTEXT));
  });
});
