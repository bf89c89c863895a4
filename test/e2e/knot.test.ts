import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { startZoneServer } from '../../src/simulators/demo-world.js';
import { runCli } from '../helpers/cli.js';
import { DEMO_ZONES } from '../helpers/demo-services.js';
import { knotInstalled, startKnot, type KnotServer } from './knot-server.js';

const PROFILE = 'fixtures/profiles/demo-store.yaml';

const audit = async (resolver: string): Promise<Report> => {
  // The demo profile's SMS section needs its token even when only email-auth runs.
  const env = { Q4CHECK_DEMO_AUTH_TOKEN: 'e2e-token-unused' };
  const result = await runCli(['audit', PROFILE, '--only', 'email-auth', '--today', '2026-11-20', '--format', 'json', '--resolver', resolver], { env });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Report;
};

const verdicts = (report: Report) => report.findings.map((finding) => `${finding.rule} ${finding.subject} ${finding.status}`).sort();

describe('email-auth against a real authoritative server (Knot DNS)', () => {
  let knot: KnotServer;

  beforeAll(async () => {
    if (!knotInstalled()) throw new Error('knotd not found: install Debian\'s knot package (apt-get install knot), as .ci/run does');
    knot = await startKnot(DEMO_ZONES);
  });
  afterAll(async () => {
    await knot?.stop();
  });

  it('finds the demo store\'s mistakes in zones served by Knot', async () => {
    const report = await audit(knot.address);
    const status = (rule: string) => report.findings.filter((finding) => finding.rule === `email-auth/${rule}`).map((finding) => finding.status);
    expect(status('spf-lookup-limit')).toEqual(['fail']);
    expect(status('dkim-key-size').sort()).toEqual(['pass', 'warn']);
    expect(status('dmarc-policy-strength')).toEqual(['fail']);
    expect(status('dmarc-report-destination').sort()).toEqual(['fail', 'pass']);
    expect(status('reverse-dns').sort()).toEqual(['fail', 'pass']);
    expect(report.findings.some((finding) => finding.status === 'error')).toBe(false);
  });

  it('gives the same verdicts as the built-in simulator serving the same zone files', async () => {
    const simulator = await startZoneServer(DEMO_ZONES);
    try {
      expect(verdicts(await audit(knot.address))).toEqual(verdicts(await audit(simulator.address)));
    } finally {
      await simulator.stop();
    }
  });
});
