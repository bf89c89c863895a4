import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freeLoopbackPort, LOOPBACK } from '../../src/simulators/loopback.js';
import { StoreSimulator, type StoreFaults } from '../../src/simulators/store/index.js';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

const PROFILE = 'fixtures/profiles/valid/load-store.yaml';

let store: StoreSimulator | undefined;

afterEach(async () => {
  await store?.stop();
  store = undefined;
});

const startStore = async (faults: StoreFaults = {}): Promise<string> => {
  store = new StoreSimulator({ faults });
  return (await store.start()).url;
};

/** The store's credentials: distinctive, so any trace of them in an output is found. */
const ADMIN_TOKEN = 'shpat_records_7c1e9f04b2d8a6';
const WEBHOOK_SECRET = 'whsec_events_3b8d2a71f0c5e9';

/** A store whose Admin API takes ADMIN_TOKEN and whose events, webhooks signed with WEBHOOK_SECRET, go to a free loopback port. */
const startStoreWithRecords = async (): Promise<Record<string, string>> => {
  const collector = `${LOOPBACK}:${await freeLoopbackPort()}`;
  store = new StoreSimulator({ adminToken: ADMIN_TOKEN, events: { url: `http://${collector}/events`, webhookSecret: WEBHOOK_SECRET } });
  const { url } = await store.start();
  return { Q4CHECK_TEST_LOAD_TARGET: url, Q4CHECK_TEST_COLLECTOR: collector, Q4CHECK_TEST_ADMIN_TOKEN: ADMIN_TOKEN, Q4CHECK_TEST_WEBHOOK_SECRET: WEBHOOK_SECRET };
};

/** Audits the records profile in every format and with --debug, saving artifacts: every text it wrote. */
const auditEverywhere = async (env: Record<string, string>) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'q4check-records-secrets-'));
  const formats = ['json', 'html', 'markdown', 'junit', 'sarif'].flatMap((format) => ['--format', format, '--out', path.join(dir, 'reports/')]);
  const result = await runCli(['audit', 'fixtures/profiles/valid/load-store-records.yaml', '--today', '2026-11-20', '--debug', ...formats, '--save-artifacts', path.join(dir, 'artifacts')], { env });
  const written = filesUnder(dir);
  const artifact = written.find((file) => file.endsWith('checkout-load.json'));
  const report = JSON.parse(readFileSync(path.join(dir, 'reports', 'load-store-records.json'), 'utf8')) as { findings: { rule: string; status: string; cause?: string }[] };
  return { result, texts: [result.stdout, result.stderr, ...written.map((file) => readFileSync(file, 'utf8'))], artifact: artifact && readFileSync(artifact, 'utf8'), report };
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });

/** The terminal wraps long lines at word boundaries. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

describe('checkout-load from the command line, against a loopback store', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('Ctrl-C during the load: a partial report whose load findings are could-not-check "interrupted", exit 2', async () => {
    const url = await startStore();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/q4check.js'), 'audit', PROFILE, '--today', '2026-11-20', '--set', 'checks.checkout-load.duration=60s'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', Q4CHECK_TEST_LOAD_TARGET: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Interrupted once the store has answered a few dozen requests: the load is under way.
    const watch = setInterval(() => {
      if ((store?.log.entries.length ?? 0) >= 30) {
        clearInterval(watch);
        child.kill('SIGINT');
      }
    }, 20);
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(watch);
    expect(status).toBe(2);
    expect(stderr).toContain('Interrupted: stopping the checks');
    expect(flat(stdout)).toContain('interrupted: the run was stopped before the load test ended');
    expect(stdout.trim().split('\n').at(-1)).toBe('Exit code 2: interrupted before every check finished; the report is partial.');
  });

  it('a store that dies mid-run ends in findings, not a hang: error-rate and throughput fail with the second it stopped', async () => {
    const url = await startStore();
    // The CLI takes a while to start on a busy machine: the store dies once it has answered 60 requests.
    const { log } = store!;
    const record = log.record.bind(log);
    let answered = 0;
    log.record = (entry) => {
      record(entry);
      if (++answered === 60) store?.setFaults({ dieAfterMs: 0 });
    };
    // No race: its 50 shoppers would meet the store's end before the run does.
    const result = await runCli(['audit', PROFILE, '--today', '2026-11-20', '--format', 'json', '--set', 'checks.checkout-load.race=false'], { env: { Q4CHECK_TEST_LOAD_TARGET: url } });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { rule: string; status: string; message: string }[] };
    const failed = report.findings.filter((finding) => finding.status === 'fail').map((finding) => finding.rule);
    expect(new Set(failed)).toEqual(new Set(['checkout-load/error-rate', 'checkout-load/throughput']));
    const throughput = report.findings.find((finding) => finding.rule === 'checkout-load/throughput');
    expect(throughput?.message).toMatch(/the store stopped answering \d+ s into the run/);
  });

  it('credentials in the target URL never reach any output or saved artifact', async () => {
    const url = await startStore();
    const secret = 's3cret-load-pw-9d2e';
    const target = url.replace('http://', `http://loadtester:${secret}@`);
    const dir = mkdtempSync(path.join(tmpdir(), 'q4check-load-secrets-'));
    const formats = ['json', 'html', 'markdown', 'junit', 'sarif'].flatMap((format) => ['--format', format, '--out', path.join(dir, 'reports/')]);
    const result = await runCli(['audit', PROFILE, '--today', '2026-11-20', '--debug', ...formats, '--save-artifacts', path.join(dir, 'artifacts')], { env: { Q4CHECK_TEST_LOAD_TARGET: target } });
    expect(result.status).toBe(0);
    const written = filesUnder(dir);
    expect(written.some((file) => file.endsWith('checkout-load.json'))).toBe(true);
    const encoded = Buffer.from(`loadtester:${secret}`).toString('base64');
    for (const text of [result.stdout, result.stderr, ...written.map((file) => readFileSync(file, 'utf8'))]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(encoded);
    }
  });

  it('the Admin token and the webhook secret never reach any output, saved artifact or error, though both were used', async () => {
    const env = await startStoreWithRecords();
    const { result, texts, artifact, report } = await auditEverywhere(env);
    expect(result.status, result.stderr).toBe(0);
    // Both were used: the records were read with the token, and signed webhooks reached the collector.
    const statuses = Object.fromEntries(['oversold-stock', 'duplicate-orders', 'attribution-events'].map((rule) => [rule, [...new Set(report.findings.filter((finding) => finding.rule === `checkout-load/${rule}`).map((finding) => finding.status))]]));
    expect(statuses).toEqual({ 'oversold-stock': ['pass'], 'duplicate-orders': ['pass'], 'attribution-events': ['pass'] });
    expect(store!.eventCounts.webhooks).toBeGreaterThan(0);
    expect(artifact).toContain('"truth"');
    for (const text of texts) {
      expect(text).not.toContain(ADMIN_TOKEN);
      expect(text).not.toContain(WEBHOOK_SECRET);
    }
  });

  it('a wrong Admin token: could-not-check with the 401 as its cause, and the token given appears nowhere', async () => {
    const env = await startStoreWithRecords();
    const wrong = 'shpat_wrong_token_5e0a9d3c71b4';
    const { texts, report } = await auditEverywhere({ ...env, Q4CHECK_TEST_ADMIN_TOKEN: wrong });
    const records = report.findings.filter((finding) => finding.rule === 'checkout-load/oversold-stock' || finding.rule === 'checkout-load/duplicate-orders');
    expect(records.map((finding) => finding.status)).toEqual(['error', 'error']);
    expect(records[0]?.cause).toMatch(/^http: 127\.0\.0\.1:\d+: .*401/);
    for (const text of texts) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(ADMIN_TOKEN);
      expect(text).not.toContain(WEBHOOK_SECRET);
    }
  });
});
