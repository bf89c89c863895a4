import { describe, expect, it, beforeAll } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { CLI_TEST_TIMEOUT_MS, runCli, stackTraceOrPath, type CliResult } from '../helpers/cli.js';
import { useDeadServices } from '../helpers/dead-services.js';

const PROFILE = 'fixtures/profiles/valid/dead-services.yaml';

describe('a profile pointed at a dead resolver and a dead webhook', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const dead = useDeadServices();
  let terminal: CliResult;
  let report: Report;

  beforeAll(async () => {
    const args = ['audit', PROFILE, '--today', '2026-11-20', ...dead.flags()];
    [terminal, report] = await Promise.all([
      runCli(args, { env: dead.env() }),
      runCli([...args, '--format', 'json'], { env: dead.env() }).then((result) => JSON.parse(result.stdout) as Report),
    ]);
  }, CLI_TEST_TIMEOUT_MS);

  it('reports two causes with their counts, first', () => {
    expect(report.summary.causes.map((group) => group.cause)).toEqual([
      `http: connection refused by 127.0.0.1:${dead.webhookPort()}`,
      `dns: resolver ${dead.resolver()} did not answer`,
    ]);
    const lead = terminal.stdout.split('\n').slice(0, 6).join('\n');
    for (const group of report.summary.causes) expect(lead).toContain(`${group.count} findings could not be checked`);
  });

  it('puts no failure title, found or rule fix on a finding that could not be checked', () => {
    const errors = report.findings.filter((finding) => finding.status === 'error');
    expect(errors.length).toBe(report.summary.causes.reduce((sum, group) => sum + group.count, 0));
    for (const finding of errors) {
      expect(finding.title, finding.rule).toMatch(/^Could not check: /);
      expect(finding.found, finding.rule).toBeUndefined();
      expect(finding.cause, finding.rule).toBeDefined();
    }
  });

  it('still judges what needs no network, and ends with a line saying the exit is due to could-not-check', () => {
    expect(report.findings.find((finding) => finding.rule === 'sms-routing/quiet-hours')?.status).toBe('pass');
    expect(report.findings.some((finding) => finding.status === 'fail')).toBe(false);
    expect(terminal.status).toBe(1);
    expect(terminal.stdout.trimEnd().split('\n').at(-1)).toMatch(/^Exit code 1: \d+ findings could not be checked at or above high; nothing failed\.$/);
    expect(stackTraceOrPath(terminal.stdout + terminal.stderr)).toBeUndefined();
    expect(terminal.stdout + terminal.stderr).not.toContain(dead.env().DEAD_SERVICES_TOKEN);
  });
});
