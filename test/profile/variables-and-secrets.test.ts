import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { runCli, stackTraceOrPath } from '../helpers/cli.js';

/**
 * A profile in which every section takes a value from the environment: a domain (shown), a token
 * (a secret field), an operator's name (shown) and an API key (secret by its variable's name).
 * No test here gathers anything: checks are left out or judged from recorded artifacts.
 */
const PROFILE = `version: 1
store:
  name: Summit Outfitters
  timezone: America/Denver
report:
  preparedBy: \${Q4CHECK_TEST_OPS_NAME} (key \${Q4CHECK_TEST_API_KEY})
checks:
  email-auth:
    domains:
      - from: \${Q4CHECK_TEST_DOMAIN}
        returnPath: bounce.good.example
  sms-routing:
    webhook: http://127.0.0.1:9/sms
    authToken: \${Q4CHECK_TEST_SMS_TOKEN}
    storeNumber: "+15005550006"
    testNumber: "+15005550001"
    brand: Acme Outdoor
  ip-warmup:
    peakDailyVolume: 1000
    ips:
      - {address: 192.0.2.10, start: 2026-08-03, plan: [100, 200, 300, 450, 650, 900, 1000]}
`;

const ENV = {
  Q4CHECK_TEST_OPS_NAME: 'Dana Okafor',
  Q4CHECK_TEST_API_KEY: 'k3y-9f8e7d6c',
  Q4CHECK_TEST_DOMAIN: 'good.example',
  Q4CHECK_TEST_SMS_TOKEN: 'tok-5b4a3928',
};

const without = (...names: (keyof typeof ENV)[]): Record<string, string> =>
  Object.fromEntries(Object.entries(ENV).filter(([name]) => !names.includes(name as keyof typeof ENV)));

describe('${VAR} is needed only where it is used', () => {
  let dir = '';
  let profile = '';
  let artifacts = '';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'q4check-vars-'));
    profile = path.join(dir, 'store.yaml');
    writeFileSync(profile, PROFILE);
    // Recorded with good.example and the numbers above; judging them contacts nothing.
    artifacts = path.join(dir, 'artifacts');
    mkdirSync(artifacts);
    copyFileSync('fixtures/artifacts/email-auth/good.json', path.join(artifacts, 'email-auth.json'));
    copyFileSync('fixtures/artifacts/sms-routing/compliant.json', path.join(artifacts, 'sms-routing.json'));
  });
  const audit = (args: string[], env: Record<string, string>) => runCli(['audit', profile, '--today', '2026-09-01', ...args], { env });

  it('lists every unset variable, each at its line, when every check runs', async () => {
    const result = await audit([], without('Q4CHECK_TEST_DOMAIN', 'Q4CHECK_TEST_SMS_TOKEN'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `${profile}:10:15: environment variable Q4CHECK_TEST_DOMAIN is not set\n${profile}:14:16: environment variable Q4CHECK_TEST_SMS_TOKEN is not set\n`,
    );
  });

  it.each([[['--only', 'ip-warmup']], [['--skip', 'email-auth', '--skip', 'sms-routing']]])(
    'a check left out with %j needs none of its variables',
    async (flags) => {
      const result = await audit([...flags, '--format', 'json'], without('Q4CHECK_TEST_DOMAIN', 'Q4CHECK_TEST_SMS_TOKEN'));
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.checks.map((check) => [check.id, check.state])).toEqual([
        ['email-auth', 'skipped'],
        ['ip-warmup', 'completed'],
        ['sms-routing', 'skipped'],
        ['checkout-load', 'skipped'],
      ]);
    },
  );

  it('a left-out check is still checked for mistakes other than its unset variables', async () => {
    writeFileSync(path.join(dir, 'typo.yaml'), PROFILE.replace('    brand: Acme Outdoor', '    brnad: Acme Outdoor'));
    const result = await runCli(['audit', path.join(dir, 'typo.yaml'), '--only', 'ip-warmup'], { env: without('Q4CHECK_TEST_SMS_TOKEN') });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${dir}/typo.yaml:17:5: checks.sms-routing.brnad: unknown key "brnad" (did you mean "brand"?)\n`);
  });

  it('judging saved artifacts needs no token, shows interpolated values, and masks what is secret', async () => {
    const result = await audit(['--skip', 'ip-warmup', '--from-artifacts', artifacts, '--format', 'json'], without('Q4CHECK_TEST_SMS_TOKEN'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.checks.filter((check) => check.state === 'completed').map((check) => check.id)).toEqual(['email-auth', 'sms-routing']);
    // A domain from the environment is what the report is about: it is shown, not masked.
    const emailSubjects = report.findings.filter((finding) => finding.check === 'email-auth').map((finding) => finding.subject);
    expect(emailSubjects).toContain('good.example');
    expect(emailSubjects.filter((subject) => subject.includes('***'))).toEqual([]);
    // The operator's name is shown; the key, secret by its variable's name, is not.
    expect(report.preparedBy).toBe('Dana Okafor (key ***)');
    expect(result.stdout).not.toContain(ENV.Q4CHECK_TEST_API_KEY);
  });

  it('judging saved artifacts still needs the values it judges with', async () => {
    const result = await audit(['--skip', 'ip-warmup', '--from-artifacts', artifacts], without('Q4CHECK_TEST_SMS_TOKEN', 'Q4CHECK_TEST_DOMAIN'));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `${profile}:10:15: environment variable Q4CHECK_TEST_DOMAIN is not set (saved artifacts are judged with it: only secret fields may stay unset)\n`,
    );
  });

  it('a problem with a --set value names the flag, and masks a secret field given there', async () => {
    const result = await audit(
      [
        '--set', 'checks.sms-routing.timeoutMs=abc',
        '--set', 'checks.sms-routing.webhok=http://127.0.0.1:9/sms',
        '--set', 'checks.sms-routing.authToken=83629174551',
        '--set', 'checks.sms-routing.storeNumber=+13035550142',
        '--set', 'checks.sms-routing.burst={messages: many}',
        '--set', 'checks.sms-rooting.webhook=http://127.0.0.1:9/sms',
        '--set', 'checks.sms-routing.webhook.path=/sms',
        '--set', 'checks.ip-warmup.ips.first.start=2026-08-10',
        '--set', 'checks.ip-warmup.ips.3.start=2026-08-10',
        '--set', 'checks.ip-warmup.ips.1.start=2026-08-10',
      ],
      ENV,
    );
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      '--set checks.sms-routing.timeoutMs=abc: expected a number, found "abc"',
      '--set checks.sms-routing.webhok=http://127.0.0.1:9/sms: unknown key "webhok" (did you mean "webhook"?)',
      '--set checks.sms-routing.authToken=***: expected text, found *** (YAML reads *** as a number: quote this value, "***")',
      '--set checks.sms-routing.storeNumber=+13035550142: expected text, found 13035550142 (YAML reads +13035550142 as a number: quote phone numbers, "+13035550142")',
      '--set checks.sms-routing.burst={messages: many}: checks.sms-routing.burst.messages: expected a number, found "many"',
      // A field no profile could have is a mistake, not an override for another profile.
      '--set checks.sms-rooting.webhook=http://127.0.0.1:9/sms: checks.sms-rooting: unknown key "sms-rooting" (did you mean "sms-routing"?)',
      '--set checks.sms-routing.webhook.path=/sms: checks.sms-routing.webhook is a single value: no field can be set inside it',
      '--set checks.ip-warmup.ips.first.start=2026-08-10: checks.ip-warmup.ips is a list: the next part of the path is an index (checks.ip-warmup.ips.0…)',
      '--set checks.ip-warmup.ips.3.start=2026-08-10: checks.ip-warmup.ips has 1 entry: index 3 is past its end (1 adds one)',
      // An entry the flag adds is the flag's: what it lacks is said of the flag.
      '--set checks.ip-warmup.ips.1.start=2026-08-10: checks.ip-warmup.ips[1].address: is required',
      '',
    ]);
    expect(stackTraceOrPath(result.stderr)).toBeUndefined();
  });
});
