import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, runCli, stackTraceOrPath } from '../../helpers/cli.js';

/** Every secret and personal value the fixture recording holds: none may leave the import. */
const RECORDED_SECRETS = [
  '9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f',
  'c1-7f3a9b2c4d5e6f708192a3b4',
  'd41d8cd98f00b204',
  'SigSecretCookie0042',
  'Csrf9Token8Value7xyz',
  'AuthTok3nValue123456',
  'hWN8Zq3rT5vY7uI9oP1aS2dF',
  '8c5f2e1a9b7d6c3e',
  '5512345678901',
  'sk_live_SecretBearer99887766',
  'shpat_StorefrontSecret4455',
  'jane.doe',
  'gmail',
  'Jane',
  'Doe',
  'Evergreen',
  '90210',
  '3105550187',
  '4111',
  '737',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'q4check-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('q4check journey import', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('prints the journey on stdout and a summary of names and counts on stderr, with no recorded secret anywhere', async () => {
    const result = await runCli(['journey', 'import', 'fixtures/har/chrome-native-checkout.har']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^# Imported by q4check journey import from chrome-native-checkout\.har/);
    expect(result.stdout).toContain('path: /checkouts/cn/{{checkoutToken}}/complete');
    expect(result.stderr).toContain('captured: checkoutToken (Location of POST /checkout) → used by 3 steps');
    expect(result.stderr).toContain('dropped: 2 third-party, 3 assets, 4 beacons');
    for (const secret of RECORDED_SECRETS) {
      expect(result.stdout, secret).not.toContain(secret);
      expect(result.stderr, secret).not.toContain(secret);
    }
  });

  it('writes --out FILE, naming the journey after it, with no recorded secret in it', async () => {
    const out = path.join(dir, 'native.yaml');
    const result = await runCli(['journey', 'import', 'fixtures/har/chrome-native-checkout.har', '--out', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const written = await readFile(out, 'utf8');
    expect(written).toContain('name: native\n');
    for (const secret of RECORDED_SECRETS) expect(written, secret).not.toContain(secret);
  });

  it.each([
    ['not JSON', 'this is not json', /is not JSON/],
    ['not a HAR', '{"log": {}}', /is not a HAR/],
  ])('refuses a file that is %s: one line, exit 2, no stack', async (_, text, message) => {
    const file = path.join(dir, 'bad.har');
    await writeFile(file, text);
    const result = await runCli(['journey', 'import', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(stackTraceOrPath(result.stderr.replace(file, 'bad.har'))).toBeUndefined();
  });

  it('refuses a missing file in one line, exit 2', async () => {
    const result = await runCli(['journey', 'import', 'no-such.har']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('q4check: no-such.har: file not found\n');
  });
});
