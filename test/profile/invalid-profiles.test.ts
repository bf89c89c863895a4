import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, stackTraceOrPath } from '../helpers/cli.js';

const DIR = 'fixtures/profiles/invalid';

const tooManyAddresses = Array.from(
  { length: 20 },
  (_, index) => `too-many-problems.yaml:${8 + index}:19: checks.ip-warmup.ips[${index}].address: "198.51.100.${301 + index}" is not an IP address`,
);

/** One fixture per mistake, each with the exact lines a user sees: one per problem, in the order of the file. */
const EXPECTED: Record<string, string | string[]> = {
  'malformed-yaml.yaml': 'malformed-yaml.yaml:5:1: malformed YAML: Missing closing "quote',
  'wrong-type.yaml': 'wrong-type.yaml:7:22: checks.ip-warmup.peakDailyVolume: expected a number, found "lots"',
  // The missing `timezone` is the same typo: its "did you mean" says so, and it is not listed again.
  'unknown-key.yaml': 'unknown-key.yaml:4:3: store.timzone: unknown key "timzone" (did you mean "timezone"?)',
  'unknown-check.yaml': 'unknown-check.yaml:6:3: checks.ip-warmpu: unknown key "ip-warmpu" (did you mean "ip-warmup"?)',
  'missing-required.yaml': 'missing-required.yaml:3:3: store.name: is required',
  'bad-date.yaml': 'bad-date.yaml:7:10: peak.start: "27/11/2026" is not a date (expected YYYY-MM-DD)',
  'impossible-date.yaml': 'impossible-date.yaml:10:16: checks.ip-warmup.ips[0].start: "2026-02-30" is not a real calendar date',
  'missing-env.yaml': 'missing-env.yaml:3:9: environment variable Q4CHECK_UNSET_STORE_NAME is not set',
  'wrong-version.yaml': 'wrong-version.yaml:1:10: version: expected 1, the only profile version',
  'suppress-without-reason.yaml': 'suppress-without-reason.yaml:7:13: suppress[0].reason: a suppression needs a reason',
  'unknown-rule.yaml': 'unknown-rule.yaml:6:3: severity.ip-warmup/ramp-grwth: unknown rule "ip-warmup/ramp-grwth" (did you mean "ip-warmup/ramp-growth"?)',
  'bad-severity.yaml': 'bad-severity.yaml:6:26: severity.ip-warmup/ramp-growth: "urgent" is not one of critical | high | medium | low | info',
  'not-a-mapping.yaml': 'not-a-mapping.yaml:1:1: a profile is a YAML mapping (version, store, checks…)',
  'peak-ends-before-start.yaml': 'peak-ends-before-start.yaml:8:8: peak.end: the peak ends before it starts',
  'bad-timezone.yaml': 'bad-timezone.yaml:4:13: store.timezone: "Eastern" is not an IANA time zone (e.g. America/New_York)',
  'plan-and-schedule.yaml': 'plan-and-schedule.yaml:9:9: checks.ip-warmup.ips[0]: give either `plan` (daily volumes) or `schedule` (sendgrid | braze | sparkpost), not both or neither',
  'duplicate-key.yaml': 'duplicate-key.yaml:5:1: malformed YAML: Map keys must be unique',
  'bad-ip.yaml': 'bad-ip.yaml:9:18: checks.ip-warmup.ips[0].address: "198.51.100.300" is not an IP address',
  'bad-schedule-name.yaml': 'bad-schedule-name.yaml:11:19: checks.ip-warmup.ips[0].schedule: "sendgird" is not one of sendgrid | braze | sparkpost (did you mean "sendgrid"?)',
  'empty.yaml': 'empty.yaml:1:1: a profile is a YAML mapping (version, store, checks…)',
  'resolver-hostname.yaml': 'resolver-hostname.yaml:5:11: resolver: "dns.google" is not a resolver address (an IP, IP:port or [IPv6]:port)',
  'sms-number-not-e164.yaml': 'sms-number-not-e164.yaml:9:18: checks.sms-routing.storeNumber: "(500) 555-0006" is not an E.164 number (+ country code and number, digits only)',
  'email-domain-typo-key.yaml': 'email-domain-typo-key.yaml:9:9: checks.email-auth.domains[0].sendingIp: unknown key "sendingIp" (did you mean "sendingIps"?)',
  'phone-number-unquoted.yaml':
    'phone-number-unquoted.yaml:10:18: checks.sms-routing.storeNumber: expected text, found 13035550142 (YAML reads +13035550142 as a number: quote phone numbers, "+13035550142")',
  'colon-in-value.yaml': 'colon-in-value.yaml:12:12: malformed YAML: a plain value with ": " in it reads as a nested key; quote this value',
  // A secret field's value is masked even when written in the file, and even where YAML made it a number.
  'secret-literal-number.yaml': 'secret-literal-number.yaml:10:16: checks.sms-routing.authToken: expected text, found *** (YAML reads *** as a number: quote this value, "***")',
  'many-problems.yaml': [
    'many-problems.yaml:4:9: environment variable Q4CHECK_UNSET_STORE_NAME is not set',
    'many-problems.yaml:5:13: store.timezone: "Mountain" is not an IANA time zone (e.g. America/New_York)',
    'many-problems.yaml:6:57: peak.end: the peak ends before it starts',
    'many-problems.yaml:9:22: checks.ip-warmup.peakDailyVolume: expected a number, found "lots"',
    'many-problems.yaml:11:19: checks.ip-warmup.ips[0].address: "198.51.100.300" is not an IP address',
    'many-problems.yaml:11:64: checks.ip-warmup.ips[0].schedule: "sendgird" is not one of sendgrid | braze | sparkpost (did you mean "sendgrid"?)',
    'many-problems.yaml:12:41: checks.ip-warmup.ips[1].start: "2026-02-30" is not a real calendar date',
    'many-problems.yaml:12:71: checks.ip-warmup.ips[1].colour: unknown key "colour"',
    'many-problems.yaml:14:11: suppress[0].rule: unknown rule "ip-warmup/ramp-grwth" (did you mean "ip-warmup/ramp-growth"?)',
    'many-problems.yaml:15:13: suppress[0].reason: a suppression needs a reason',
  ],
  // 23 bad addresses: the first 20 listed, the rest counted.
  'too-many-problems.yaml': [...tooManyAddresses, 'too-many-problems.yaml: and 3 more problems'],
};

describe('invalid profiles', () => {
  it('has an expected message for every fixture and a fixture for every message', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: exit 2, one line per problem', async (file, message) => {
    const result = await runCli(['audit', `${DIR}/${file}`]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = typeof message === 'string' ? [message] : message;
    expect(result.stderr).toBe(lines.map((line) => `${DIR}/${line}\n`).join(''));
    expect(stackTraceOrPath(result.stderr)).toBeUndefined();
  });
});
