import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gather } from '../../../../checks/sms-routing/gather.js';
import { maskNumber } from '../../../../checks/sms-routing/phone.js';
import { builtinChecks, loadPlugin } from '../../../../src/engine/registry.js';
import { runAudit } from '../../../../src/engine/run.js';
import { loadProfile } from '../../../../src/profile/load.js';
import { renderers } from '../../../../src/report/index.js';
import { SmsSimulator } from '../../../../src/simulators/sms/index.js';
import { runCli } from '../../../helpers/cli.js';
import { AUTH_TOKEN, BRAND, evaluateContext, gatherContext, gatherFrom, smsConfig, STORE_NUMBER, TEST_NUMBER } from './simulated.js';

/** Every file saved under `dir`, in each profile's folder: the manifest and the artifacts. */
const savedFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true, recursive: true }))
    .filter((entry: Dirent) => entry.isFile())
    .map((entry: Dirent) => path.join(entry.parentPath, entry.name));

/**
 * The auth token, the signatures and the phone numbers never reach an artifact or a report. The store
 * here writes both numbers back in its HELP text, with punctuation, so masking has something to do.
 * The report is rendered with no redaction at all first (the artifact and the findings must be clean
 * by themselves), then through the CLI as a user runs it.
 */

const CONTACT = '(500) 555-0006 or 500.555.0001';
const NUMBERS = [TEST_NUMBER, STORE_NUMBER];

/** A number's ten national digits in order, whatever is written between them. */
const unmasked = (e164: string): RegExp => new RegExp([...e164.slice(2)].join('[\\s().-]*'));
/** base64 of an HMAC-SHA1, as X-Twilio-Signature carries it. */
const SIGNATURE_SHAPED = /[A-Za-z0-9+/]{27}=/;

const leaks = (text: string): string[] => [
  ...(text.includes(AUTH_TOKEN) ? ['the auth token'] : []),
  ...NUMBERS.filter((number) => unmasked(number).test(text)).map((number) => `the number ${number}`),
  ...(SIGNATURE_SHAPED.test(text) ? [`a signature-shaped string (${SIGNATURE_SHAPED.exec(text)?.[0] ?? ''})`] : []),
];

describe('sms-routing secrets', () => {
  it('keeps no token, signature or full number in the artifact or the verdicts; numbers are masked', async () => {
    const { artifact, verdicts } = await gatherFrom({ simulator: { contact: CONTACT, helpWithoutBrand: true } });
    const text = JSON.stringify(artifact);
    expect(leaks(text)).toEqual([]);
    expect(leaks(JSON.stringify(verdicts))).toEqual([]);
    expect(text).toContain(`contact ${maskNumber(STORE_NUMBER)} or ${maskNumber(TEST_NUMBER)}.`);
  });

  it('keeps the webhook without credentials or query string', async () => {
    const simulator = new SmsSimulator({ authToken: AUTH_TOKEN });
    try {
      const { port } = await simulator.start();
      const artifact = await gather(gatherContext(), smsConfig(`http://q4check:basic-secret@127.0.0.1:${port}/sms?key=query-secret`));
      expect(artifact.webhook).toBe(`http://127.0.0.1:${port}/sms`);
      expect(JSON.stringify(artifact)).not.toMatch(/basic-secret|query-secret/);
    } finally {
      await simulator.stop();
    }
  });

  describe('in every report format', () => {
    const simulator = new SmsSimulator({ authToken: AUTH_TOKEN, brand: BRAND, contact: CONTACT, helpWithoutBrand: true });
    let dir = '';
    let profile = '';
    let webhook = '';

    beforeAll(async () => {
      webhook = (await simulator.start()).url;
      dir = await mkdtemp(path.join(tmpdir(), 'q4check-sms-secrets-'));
      profile = path.join(dir, 'store.yaml');
      await writeFile(
        profile,
        [
          'version: 1',
          'store: {name: Acme Outdoor, timezone: America/New_York}',
          'checks:',
          '  sms-routing:',
          '    webhook: http://127.0.0.1:9/sms',
          '    authToken: ${SMS_AUTH_TOKEN}',
          `    storeNumber: "${STORE_NUMBER}"`,
          `    testNumber: "${TEST_NUMBER}"`,
          `    brand: ${BRAND}`,
          '    burst: {messages: 40, perSecond: 40}',
          '    campaigns:',
          '      - {name: Doors open, sendAt: "2026-11-27T06:00:00-05:00", recipients: 120000, audienceTimezones: [America/New_York]}',
          '    throughput: {kind: toll-free}',
          '',
        ].join('\n'),
      );
    });

    afterAll(async () => {
      await simulator.stop();
      await rm(dir, { recursive: true, force: true });
    });

    it('renders the engine report with no redaction at all: nothing to redact', async () => {
      const loaded = await loadProfile(profile, {
        builtins: builtinChecks,
        overrides: [{ path: ['checks', 'sms-routing', 'webhook'], value: webhook }],
        env: { SMS_AUTH_TOKEN: AUTH_TOKEN },
        addSecret: () => undefined,
        loadPlugin,
      });
      const report = await runAudit({
        loaded,
        context: evaluateContext,
        failOn: 'high',
        only: ['sms-routing'],
        skip: [],
        signal: new AbortController().signal,
        logger: { info: () => undefined, debug: () => undefined },
        addSecret: () => undefined,
        redact: (text) => text,
        dns: gatherContext().dns,
        toolVersion: '0.0.0',
      });
      expect(report.checks.find((check) => check.id === 'sms-routing')?.state).toBe('completed');
      for (const [format, render] of Object.entries(renderers)) {
        const output = render(report, { color: false, width: 120, quiet: false });
        expect(leaks(output), format).toEqual([]);
      }
      expect(renderers.json(report, { color: false, width: 120, quiet: false })).toContain(maskNumber(STORE_NUMBER));
    });

    it('prints and writes nothing secret through the CLI, saved artifacts included', async () => {
      const out = (name: string) => path.join(dir, name);
      const result = await runCli(
        [
          'audit',
          profile,
          '--only',
          'sms-routing',
          '--today',
          '2026-11-20',
          '--set',
          `checks.sms-routing.webhook=${webhook}`,
          '--format',
          'terminal',
          '--format',
          'json',
          '--out',
          out('report.json'),
          '--format',
          'junit',
          '--out',
          out('report.xml'),
          '--format',
          'markdown',
          '--out',
          out('report.md'),
          '--save-artifacts',
          out('artifacts'),
        ],
        { env: { SMS_AUTH_TOKEN: AUTH_TOKEN } },
      );
      expect(result.stderr).toBe('');
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/HELP answers with what carriers require|The HELP reply lacks required content/);
      const files = [out('report.json'), out('report.xml'), out('report.md'), ...(await savedFiles(out('artifacts')))];
      for (const [name, text] of [['stdout', result.stdout], ...(await Promise.all(files.map(async (file) => [path.basename(file), await readFile(file, 'utf8')])))]) {
        expect(leaks(text ?? ''), name).toEqual([]);
      }
    });
  });
});
