import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('q4check commands', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('--version prints the package version', async () => {
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
  });

  it('checks lists every rule with its default severity', async () => {
    const result = await runCli(['checks', '--format', 'json']);
    const checks = JSON.parse(result.stdout) as { id: string; rules: { id: string; severity: string }[] }[];
    const ipWarmup = checks.find((check) => check.id === 'ip-warmup');
    expect(ipWarmup?.rules.map((rule) => rule.id)).toContain('ip-warmup/peak-readiness');
    const text = await runCli(['checks']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('ip-warmup/complaint-rate');
  });

  it('schema prints the JSON Schema committed in schema/, generated from the zod schema', async () => {
    const result = await runCli(['schema']);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'store', 'peak', 'checks', 'severity', 'suppress']));
    expect(result.stdout, 'schema/q4check.schema.json is stale: run q4check schema > schema/q4check.schema.json').toBe(
      readFileSync(path.join(ROOT, 'schema/q4check.schema.json'), 'utf8'),
    );
  });

  it('init writes a starter profile that audits, and refuses to overwrite it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'q4check-init-'));
    const file = path.join(dir, 'store.yaml');
    expect((await runCli(['init', file])).status).toBe(0);
    expect(existsSync(file)).toBe(true);
    const audit = await runCli(['audit', file, '--today', '2026-06-01']);
    expect([0, 1]).toContain(audit.status);
    expect(audit.stdout).toContain('IP warm-up (ip-warmup)');
    const again = await runCli(['init', file]);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`q4check: ${file} already exists (use --force to overwrite it)\n`);
  });

  it('demo audits the embedded store and ends with the exit line', async () => {
    const result = await runCli(['demo']);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('mistakes on purpose');
    expect(result.stdout).toContain('Acme Outdoor (demo)');
    expect(result.stdout).toContain('Planned daily volume, all IPs');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Exit code 1: /);
  });
});
