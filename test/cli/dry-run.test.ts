import { mkdtempSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreSimulator } from '../../src/simulators/store/index.js';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

const profile = (dir: string, section: string): string => {
  const file = path.join(dir, `store-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, `version: 1\nstore: {name: Dry Store, timezone: America/New_York}\nchecks:\n  checkout-load:\n${section.replace(/^/gm, '    ')}\n`);
  return file;
};

const JOURNEYS = `journeys:
  - {name: native, file: ./journeys/native-checkout.yaml, weight: 0.7}
  - {name: shop-pay, file: ./journeys/shop-pay.yaml, weight: 0.3}`;

describe('audit --dry-run', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const store = new StoreSimulator({});
  let url = '';
  let dir = '';
  beforeAll(async () => {
    url = (await store.start()).url;
    dir = mkdtempSync(path.join(tmpdir(), 'q4check-dry-run-'));
    cpSync(path.join(ROOT, 'fixtures/journeys/demo'), path.join(dir, 'journeys'), { recursive: true });
  });
  afterAll(() => store.stop());

  it("prints the plan at the issue's rates and sends nothing", async () => {
    const file = profile(dir, `target: ${url}\nlastYearPeak: {sessionsPerMinute: 9000}\ngrowth: 0.25\nbuffer: 0.20\nconversion: 0.04\nduration: 2m\n${JOURNEYS}\nlimits: {maxRequestsPerSecond: 5000}`);
    const result = await runCli(['audit', file, '--dry-run']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('target: 13,500 sessions/min');
    expect(result.stdout).toMatch(/4\. 1m24s\s+13,500 sessions\/min/);
    expect(result.stdout).toContain('native: 70% of sessions, 9,450 sessions/min');
    expect(result.stdout).toContain('Nothing was sent (--dry-run).');
    expect(store.log.entries).toHaveLength(0);
  });

  it('says the rate is capped by the limits', async () => {
    const file = profile(dir, `target: ${url}\nlastYearPeak: {sessionsPerMinute: 9000}\nconversion: 0.04\n${JOURNEYS}`);
    const result = await runCli(['audit', file, '--dry-run']);
    expect(result.stdout).toMatch(/capped: limits\.maxRequestsPerSecond keeps the rate at \d+% of the target/);
  });

  it('holds payments back on a staging host and names the refusal of an unauthorised one', async () => {
    const staging = profile(dir, `target: https://staging.acme.example\nauthorization: "Approved, ticket OPS-4821"\nallowedHosts: [staging.acme.example]\nlastYearPeak: {sessionsPerMinute: 600}\nconversion: 0.5\n${JOURNEYS}`);
    expect((await runCli(['audit', staging, '--dry-run'])).stdout).toContain('stops before payment (1 step held back: not loopback, no testMode)');
    const production = profile(dir, `target: https://acme.myshopify.com\nauthorization: "Approved"\nallowedHosts: [acme.myshopify.com]\nlastYearPeak: {sessionsPerMinute: 600}\nconversion: 0.5\n${JOURNEYS}`);
    const refused = await runCli(['audit', production, '--dry-run']);
    expect(refused.stdout).toContain('refused: acme.myshopify.com is a Shopify store (*.myshopify.com) and --allow-production was not given');
    expect((await runCli(['audit', production, '--dry-run', '--allow-production'])).stdout).toContain('sessions/min at the busiest stage');
  });

  it('names a broken journey file, and a broken profile exits 2', async () => {
    const missing = profile(dir, `target: ${url}\nlastYearPeak: {sessionsPerMinute: 600}\nconversion: 0.5\njourneys: [{name: native, file: ./journeys/nope.yaml}]`);
    expect((await runCli(['audit', missing, '--dry-run'])).stdout).toMatch(/cannot plan: file: .*nope\.yaml.*not found/);
    const broken = profile(dir, `target: ${url}\nlastYearPeak: {sessionsPerMinute: 600}\nconversion: 1.5\n${JOURNEYS}`);
    const result = await runCli(['audit', broken, '--dry-run']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/conversion/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
