import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { StoreSimulator } from '../../src/simulators/store/index.js';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

describe('checkout-load beyond one machine: k6', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  // Every request reaching it is logged: judging a k6 summary must send none.
  const store = new StoreSimulator({});
  let dir = '';
  const profile = (target: string, extra = ''): string => {
    const file = path.join(dir, `store-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(
      file,
      `version: 1\nstore: {name: K6 Store, timezone: America/New_York}\nchecks:\n  checkout-load:\n    target: ${target}\n    lastYearPeak: {sessionsPerMinute: 9000}\n    conversion: 0.04\n    duration: 2m\n    journeys:\n      - {name: native, file: ./journeys/native-checkout.yaml, weight: 0.7}\n      - {name: shop-pay, file: ./journeys/shop-pay.yaml, weight: 0.3}\n${extra}`,
    );
    return file;
  };
  beforeAll(async () => {
    await store.start();
    dir = mkdtempSync(path.join(tmpdir(), 'q4check-k6-'));
    cpSync(path.join(ROOT, 'fixtures/journeys/demo'), path.join(dir, 'journeys'), { recursive: true });
  });
  afterAll(() => store.stop());

  it('journey export --k6 writes a script with a ramping-arrival-rate scenario per journey and the thresholds', async () => {
    const result = await runCli(['journey', 'export', '--k6', profile(store.address.url)]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("import http from 'k6/http';");
    expect(result.stdout.match(/ramping-arrival-rate/g)?.length).toBeGreaterThanOrEqual(2);
    expect(result.stdout).toMatch(/p\(95\)<=1500/);
    expect(store.log.entries).toHaveLength(0);
  });

  it('refuses to export a load test of a host the profile does not authorise', async () => {
    const result = await runCli(['journey', 'export', '--k6', profile('https://shop.acme.example')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/the target is refused: shop\.acme\.example is not loopback and the profile gives no authorization/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('audit --load-results judges a k6 summary and sends nothing; what a summary lacks is said', async () => {
    const summary = path.join(ROOT, 'fixtures/k6/summary-export.json');
    const result = await runCli(['audit', profile(store.address.url), '--load-results', summary, '--format', 'json']);
    expect([0, 1]).toContain(result.status);
    const report = JSON.parse(result.stdout) as Report;
    const load = report.findings.filter((finding) => finding.check === 'checkout-load');
    expect(load.find((finding) => finding.rule === 'checkout-load/latency')?.status).toMatch(/pass|fail/);
    expect(load.find((finding) => finding.rule === 'checkout-load/cart-consistency')?.message).toMatch(/k6 summary: it holds no cart contents/);
    expect(store.log.entries).toHaveLength(0);
  });

  it('a file that is not a k6 summary is could-not-check naming the file, not a failure', async () => {
    const bogus = path.join(dir, 'not-k6.json');
    writeFileSync(bogus, '{"hello": "world"}');
    const result = await runCli(['audit', profile(store.address.url), '--load-results', bogus, '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    const throughput = report.findings.find((finding) => finding.rule === 'checkout-load/throughput')!;
    expect(throughput.status).toBe('error');
    expect(throughput.cause).toMatch(/^file: .*not-k6\.json/);
  });
});
