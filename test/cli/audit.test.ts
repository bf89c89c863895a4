import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { CLI_TEST_TIMEOUT_MS, runCli, stackTraceOrPath } from '../helpers/cli.js';
import { useDemoServices } from '../helpers/demo-services.js';
import { useTripwire } from '../helpers/tripwire.js';

const DEMO = 'fixtures/profiles/demo-store.yaml';
const SECRET_ENV = { Q4CHECK_TEST_STORE_SECRET: 'store-secret-7f3a9c', Q4CHECK_TEST_TOKEN: 'tok_live_51HxYz' };
const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-test-'));

const statuses = (report: Report, rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => f.status);

describe('q4check audit', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const services = useDemoServices();
  /** The demo profile, its DNS and webhook answered on loopback: nothing leaves the machine. */
  const demo = (...args: string[]) => ['audit', DEMO, ...services.flags(), ...args];
  const run = (args: string[]) => runCli(args, { env: services.env() });
  const tripwire = useTripwire();

  it('exits 1 on a failure at or above --fail-on, 0 when the threshold is above it', async () => {
    const high = await run(demo('--today', '2026-11-20'));
    expect(high.status).toBe(1);
    expect(high.stdout.trim().split('\n').at(-1)).toMatch(/^Exit code 1: \d+ failures at or above high\.$/);
    const critical = await run(demo('--today', '2026-11-20', '--fail-on', 'critical', '--only', 'ip-warmup'));
    expect(critical.status).toBe(0);
    expect(critical.stdout.trim().split('\n').at(-1)).toBe('Exit code 0: no failures at or above critical.');
  });

  it('judges the demo store differently before and after its warm-up', async () => {
    const warmup = (today: string) => demo('--today', today, '--only', 'ip-warmup', '--format', 'json');
    const before = JSON.parse((await run(warmup('2026-08-01'))).stdout) as Report;
    const after = JSON.parse((await run(warmup('2026-11-20'))).stdout) as Report;
    expect(statuses(before, 'ip-warmup/complaint-rate')).toEqual(['skip', 'skip']);
    expect(statuses(after, 'ip-warmup/complaint-rate').sort()).toEqual(['pass', 'warn']);
    expect(statuses(before, 'ip-warmup/actuals-on-plan')).toEqual(['skip', 'skip']);
    expect(statuses(after, 'ip-warmup/actuals-on-plan').sort()).toEqual(['pass', 'warn']);
    expect(before.today).toBe('2026-08-01');
  });

  it('writes each --format to its own --out', async () => {
    const dir = temp();
    const result = await run(demo('--today', '2026-11-20', '--format', 'json', '--out', `${dir}/r.json`, '--format', 'junit', '--out', `${dir}/r.xml`, '--format', 'markdown'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('## ❌ q4check: Acme Outdoor (demo)');
    expect((JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')) as Report).schemaVersion).toBe(1);
    expect(readFileSync(`${dir}/r.xml`, 'utf8')).toContain('<testsuites ');
  });

  it('re-judges saved artifacts offline with the same findings', async () => {
    const dir = temp();
    const saved = await run(demo('--today', '2026-11-20', '--format', 'json', '--save-artifacts', dir));
    const replayed = await run(demo('--today', '2026-11-20', '--format', 'json', '--from-artifacts', dir));
    const findings = (text: string) => (JSON.parse(text) as Report).findings;
    expect(findings(replayed.stdout)).toEqual(findings(saved.stdout));
    expect(JSON.parse(readFileSync(`${dir}/demo-store/ip-warmup.json`, 'utf8'))).toHaveProperty('actuals');
  });

  it('never prints a secret from the environment, in any format or error', async () => {
    const dir = temp();
    const args = ['audit', 'fixtures/profiles/valid/secret-store.yaml', '--today', '2026-09-01'];
    const runs = [
      await runCli(args, { env: SECRET_ENV }),
      await runCli([...args, '--format', 'json', '--save-artifacts', dir], { env: SECRET_ENV }),
      await runCli([...args, '--format', 'junit'], { env: SECRET_ENV }),
      await runCli([...args, '--format', 'markdown'], { env: SECRET_ENV }),
    ];
    const profile = path.join(dir, 'bad.yaml');
    writeFileSync(profile, 'version: 1\nstore:\n  name: x\n  timezone: ${Q4CHECK_TEST_TOKEN}\n');
    runs.push(await runCli(['audit', profile], { env: SECRET_ENV }));
    for (const run of runs) {
      for (const secret of Object.values(SECRET_ENV)) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
    expect(runs[0]!.stdout).toContain('***');
    expect(runs.at(-1)!.stderr).toBe(`${profile}:4:13: store.timezone: "***" is not an IANA time zone (e.g. America/New_York)\n`);
    expect(readFileSync(path.join(dir, 'secret-store/ip-warmup.json'), 'utf8')).not.toContain('tok_live');
  });

  it.each([
    { args: ['audit', 'missing.yaml'], stderr: 'missing.yaml: file not found\n' },
    { args: ['audit', DEMO, '--formt', 'json'], stderr: "q4check: unknown option '--formt' (Did you mean --format?) (see q4check --help)\n" },
    { args: ['audit', DEMO, '--format', 'pdf'], stderr: 'pdf' },
    { args: ['audit', DEMO, '--fail-on', 'severe'], stderr: 'severe' },
    { args: ['audit', DEMO, '--today', '2026-11-31'], stderr: 'q4check: --today takes a date written YYYY-MM-DD, not "2026-11-31"\n' },
    { args: ['audit', DEMO, '--only', 'ip-warmpu'], stderr: 'q4check: --only ip-warmpu: no such check (did you mean "ip-warmup"?) (checks: email-auth, ip-warmup, sms-routing, checkout-load)\n' },
    { args: ['audit', DEMO, '--timeout', 'soon'], stderr: 'q4check: --timeout takes a number of seconds above 0, not "soon"\n' },
    { args: ['audit'], stderr: "q4check: missing required argument 'profiles' (see q4check --help)\n" },
    { args: ['launch'], stderr: "q4check: unknown command 'launch' (see q4check --help)\n" },
    { args: ['audit', DEMO, DEMO, '--format', 'json', '--out', 'one-file.json'], stderr: 'q4check: --out one-file.json: with several profiles, --out names a folder (end it with /)\n' },
    { args: ['audit', DEMO, '--out', 'r.pdf'], stderr: 'q4check: --out r.pdf: no format has that extension (.txt, .json, .xml, .md, .html, .sarif, .markdown, .htm, .sarif.json); give --format before --out\n' },
  ])('$args: exit 2, one line, no stack trace, nothing audited', async ({ args, stderr }) => {
    const result = await runCli([...args, ...tripwire.flags()], { env: tripwire.env() });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(stderr);
    expect(stackTraceOrPath(result.stderr)).toBeUndefined();
    expect(await tripwire.hits()).toEqual({ dns: 0, http: 0 });
  });

  it('--out with no --format takes the format from the extension', async () => {
    const dir = temp();
    const result = await run(demo('--today', '2026-11-20', '--only', 'ip-warmup', '--out', `${dir}/r.json`, '--format', 'markdown'));
    expect(result.status).toBe(1);
    expect((JSON.parse(readFileSync(`${dir}/r.json`, 'utf8')) as Report).schemaVersion).toBe(1);
    expect(result.stdout).toContain('## ❌ q4check: Acme Outdoor (demo)');
  });

  it('audits several profiles into a folder, one file each', async () => {
    const dir = temp();
    const result = await run([...demo('fixtures/profiles/valid/golden-store.yaml', '--today', '2026-11-20', '--format', 'json', '--out', `${dir}/`)]);
    expect(result.status).toBe(1);
    expect(JSON.parse(readFileSync(`${dir}/demo-store.json`, 'utf8'))).toHaveProperty('store.name', 'Acme Outdoor (demo)');
    expect(JSON.parse(readFileSync(`${dir}/golden-store.json`, 'utf8'))).toHaveProperty('store.name', 'Golden Goods');
  });
});
