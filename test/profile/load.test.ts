import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinChecks, loadPlugin } from '../../src/engine/registry.js';
import { loadProfile, type LoadOptions } from '../../src/profile/load.js';

const PROFILE = `version: 1
store: {name: Summit Outfitters, timezone: America/Denver}
report: {preparedBy: "\${OPS_NAME}, \${OPS_API_KEY}"}
checks:
  sms-routing:
    webhook: https://\${PREVIEW_HOST}/sms
    authToken: tok-written-in-the-file
    storeNumber: "+13035550142"
    testNumber: "+13035550199"
    brand: Summit Outfitters
`;

const load = async (text: string, options: Partial<LoadOptions> = {}, secrets: string[] = []) => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'q4check-load-')), 'store.yaml');
  writeFileSync(file, text);
  const loaded = await loadProfile(file, { builtins: builtinChecks, env: {}, loadPlugin, addSecret: (value) => secrets.push(value), ...options });
  return { loaded, secrets };
};

describe('loadProfile: secrets', () => {
  it('registers secret fields, written or set, and variables whose names say secret; nothing else', async () => {
    const { loaded, secrets } = await load(PROFILE, {
      env: { OPS_NAME: 'Dana Okafor', OPS_API_KEY: 'key-0a1b2c3d', PREVIEW_HOST: 'pr-42.summit.example' },
    });
    expect(loaded.profile.checks['sms-routing']).toMatchObject({ webhook: 'https://pr-42.summit.example/sms' });
    expect(secrets.sort()).toEqual(['key-0a1b2c3d', 'tok-written-in-the-file']);
  });

  it('takes a secret given with --set as a secret, and a --set value in place of an unset variable', async () => {
    const { loaded, secrets } = await load(PROFILE, {
      env: { OPS_NAME: 'Dana Okafor', OPS_API_KEY: 'key-0a1b2c3d' },
      overrides: [
        { path: ['checks', 'sms-routing', 'webhook'], value: 'http://127.0.0.1:8080/sms', text: 'checks.sms-routing.webhook=http://127.0.0.1:8080/sms' },
        { path: ['checks', 'sms-routing', 'authToken'], value: 'tok-from-the-flag', text: 'checks.sms-routing.authToken=tok-from-the-flag' },
      ],
    });
    expect(loaded.profile.checks['sms-routing']).toMatchObject({ webhook: 'http://127.0.0.1:8080/sms', authToken: 'tok-from-the-flag' });
    expect(secrets).toContain('tok-from-the-flag');
    expect(secrets).not.toContain('http://127.0.0.1:8080/sms');
  });

  it('hands a left-out check its section unjudged, unset variable and all', async () => {
    const { loaded } = await load(PROFILE, {
      env: { OPS_NAME: 'Dana Okafor', OPS_API_KEY: 'key-0a1b2c3d' },
      selection: { only: [], skip: ['sms-routing'], fromArtifacts: false },
    });
    expect(loaded.profile.checks['sms-routing']).toMatchObject({ webhook: 'https://${PREVIEW_HOST}/sms' });
  });

  it('adds a field the section of a check lacks, for profiles that have the section', async () => {
    const { loaded } = await load(PROFILE.replace('  sms-routing:', '  email-auth: {domains: [{from: summit.example}]}\n  sms-routing:'), {
      env: { OPS_NAME: 'Dana Okafor', OPS_API_KEY: 'key-0a1b2c3d', PREVIEW_HOST: 'pr-42.summit.example' },
      overrides: [
        { path: ['checks', 'email-auth', 'mtaSts', 'port'], value: 8443 },
        { path: ['checks', 'ip-warmup', 'peakDailyVolume'], value: 1000 },
      ],
    });
    expect(loaded.profile.checks['email-auth']).toMatchObject({ mtaSts: { port: 8443 } });
    expect(loaded.profile.checks['ip-warmup']).toBeUndefined();
  });

  it('masks a token given with --set even where the flag names no field', async () => {
    const secrets: string[] = [];
    const attempt = load(
      PROFILE,
      {
        env: { OPS_NAME: 'Dana Okafor', OPS_API_KEY: 'key-0a1b2c3d', PREVIEW_HOST: 'pr-42.summit.example' },
        overrides: [{ path: ['checks', 'sms-rooting', 'authToken'], value: 'tok-typo-98765', text: 'checks.sms-rooting.authToken=tok-typo-98765' }],
      },
      secrets,
    );
    // The message is redacted where it is written, so the value must be known as a secret by then.
    await expect(attempt).rejects.toThrow('--set checks.sms-rooting.authToken=tok-typo-98765: checks.sms-rooting: unknown key "sms-rooting"');
    expect(secrets).toContain('tok-typo-98765');
  });

  it('leaves a file that is not a mapping untouched by --set, and says what it is', async () => {
    const attempt = load('just a sentence\n', { overrides: [{ path: ['resolver'], value: '127.0.0.1:5300' }] });
    await expect(attempt).rejects.toThrow('store.yaml:1:1: a profile is a YAML mapping (version, store, checks…)');
  });
});
