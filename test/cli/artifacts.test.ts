import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { CLI_TEST_TIMEOUT_MS, runCli, stackTraceOrPath } from '../helpers/cli.js';
import { useDemoServices } from '../helpers/demo-services.js';
import { writeOfflineStore } from '../helpers/offline-store.js';

const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-artifacts-'));
const reportsOf = (stdout: string): Report[] => JSON.parse(stdout) as Report[];
const findingsByStore = (reports: Report[]) => Object.fromEntries(reports.map((report) => [report.store.name, report.findings]));

describe('--save-artifacts and --from-artifacts keep each store apart', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const services = useDemoServices();
  const TWO = ['fixtures/profiles/demo-store.yaml', 'fixtures/profiles/valid/golden-store.yaml'];

  it('two profiles saved to one folder and judged again each give their own findings', async () => {
    const dir = temp();
    const judge = ['audit', ...TWO, '--today', '2026-11-20', '--format', 'json'];
    const saved = await runCli([...judge, ...services.flags(), '--save-artifacts', dir], { env: services.env() });
    const replayed = await runCli([...judge, '--from-artifacts', dir], { env: services.env() });
    expect(replayed.stderr).toBe('');
    expect(findingsByStore(reportsOf(replayed.stdout))).toEqual(findingsByStore(reportsOf(saved.stdout)));
    expect(readdirSync(dir).sort()).toEqual(['demo-store', 'golden-store']);
  });

  it('writes a manifest per profile naming the store, the profile, the version and when, and no secret', async () => {
    const dir = temp();
    const env = { Q4CHECK_TEST_STORE_SECRET: 'store-secret-7f3a9c', Q4CHECK_TEST_TOKEN: 'tok_live_51HxYz' };
    const result = await runCli(['audit', 'fixtures/profiles/valid/secret-store.yaml', '--today', '2026-09-01', '--save-artifacts', dir], { env });
    expect(result.status).not.toBe(2);
    const folder = path.join(dir, 'secret-store');
    const manifest = JSON.parse(readFileSync(path.join(folder, 'q4check-manifest.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(['profile', 'q4checkVersion', 'savedAt', 'store']);
    expect(manifest.profile).toBe('fixtures/profiles/valid/secret-store.yaml');
    expect(manifest.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    for (const file of readdirSync(folder)) {
      for (const secret of Object.values(env)) expect(readFileSync(path.join(folder, file), 'utf8')).not.toContain(secret);
    }
  });

  it('profiles with one file name in two folders are saved apart and each judged on its own evidence', async () => {
    const dir = temp();
    const small = writeOfflineStore(path.join(dir, 'eu/store.yaml'), 'Alpine Outfitters', 150);
    const large = writeOfflineStore(path.join(dir, 'us/store.yaml'), 'Prairie Goods', 50_000_000);
    const artifacts = path.join(dir, 'artifacts');
    const judge = ['audit', small, large, '--today', '2026-11-20', '--format', 'json'];
    const saved = reportsOf((await runCli([...judge, '--save-artifacts', artifacts])).stdout);
    expect(readdirSync(artifacts).sort()).toEqual(['eu-store', 'us-store']);
    expect(findingsByStore(saved)['Alpine Outfitters']).not.toEqual(findingsByStore(saved)['Prairie Goods']);
    const replayed = await runCli([...judge, '--from-artifacts', artifacts]);
    expect(findingsByStore(reportsOf(replayed.stdout))).toEqual(findingsByStore(saved));
    // Judged alone, a profile still finds the folder it was saved in with the other.
    const alone = await runCli(['audit', large, '--today', '2026-11-20', '--format', 'json', '--from-artifacts', artifacts]);
    expect((JSON.parse(alone.stdout) as Report).findings).toEqual(findingsByStore(saved)['Prairie Goods']);
  });

  it("refuses, exit 2 in one line, artifacts whose manifest names another store", async () => {
    const dir = temp();
    const alpine = writeOfflineStore(path.join(dir, 'alpine/store.yaml'), 'Alpine Outfitters', 150);
    const prairie = writeOfflineStore(path.join(dir, 'prairie/store.yaml'), 'Prairie Goods', 150);
    const artifacts = path.join(dir, 'artifacts');
    await runCli(['audit', alpine, '--today', '2026-11-20', '--save-artifacts', artifacts]);
    const result = await runCli(['audit', prairie, '--today', '2026-11-20', '--from-artifacts', artifacts]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("these artifacts are Alpine Outfitters's");
    expect(result.stderr).toContain("not Prairie Goods's");
    expect(stackTraceOrPath(result.stderr)).toBeUndefined();
  });

  it('still judges one profile from the flat layout saved before folders per profile', async () => {
    const dir = temp();
    const store = writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine Outfitters', 150);
    const artifacts = path.join(dir, 'artifacts');
    const judge = ['audit', store, '--today', '2026-11-20', '--format', 'json'];
    const saved = await runCli([...judge, '--save-artifacts', artifacts]);
    const flat = path.join(dir, 'flat');
    cpSync(path.join(artifacts, 'store/ip-warmup.json'), path.join(flat, 'ip-warmup.json'), { recursive: true });
    const replayed = await runCli([...judge, '--from-artifacts', flat]);
    expect((JSON.parse(replayed.stdout) as Report).findings).toEqual((JSON.parse(saved.stdout) as Report).findings);
  });

  it('a folder with no artifacts for the profile is a one-line usage error', async () => {
    const dir = temp();
    const store = writeOfflineStore(path.join(dir, 'store.yaml'), 'Alpine Outfitters', 150);
    mkdirSync(path.join(dir, 'empty'));
    const result = await runCli(['audit', store, '--from-artifacts', path.join(dir, 'empty')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^q4check: --from-artifacts .*: no artifacts saved for .*store\.yaml/);
  });
});
