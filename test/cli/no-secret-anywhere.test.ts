import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/outputs.js';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.js';

const SECRET_ENV = { Q4CHECK_TEST_STORE_SECRET: 'store-secret-7f3a9c', Q4CHECK_TEST_TOKEN: 'tok_live_51HxYz' };

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });

describe('no secret in any format, index or manifest', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('every format, the indexes, the saved artifacts and their manifest, and the re-rendered reports', async () => {
    const dir = temp();
    // A profile that cannot be judged, whose problem quotes a secret: its report must mask it too.
    const broken = path.join(dir, 'broken.yaml');
    writeFileSync(broken, 'version: 1\nstore:\n  name: x\n  timezone: ${Q4CHECK_TEST_TOKEN}\n');
    const reports = path.join(dir, 'reports/');
    const formats = FORMATS.flatMap((format) => ['--format', format, '--out', reports]);
    const audit = await runCli(['audit', 'fixtures/profiles/valid/secret-store.yaml', broken, '--today', '2026-09-01', ...formats, '--save-artifacts', path.join(dir, 'artifacts')], { env: SECRET_ENV });
    expect(audit.status).toBe(2);
    const again = await runCli(['report', path.join(reports, 'secret-store.json'), path.join(reports, 'broken.json'), ...FORMATS.flatMap((format) => ['--format', format, '--out', path.join(dir, 'again/')])]);
    const written = filesUnder(dir).filter((file) => file !== broken);
    expect(written.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['index.html', 'index.md', 'index.json', 'q4check-manifest.json', 'secret-store.html', 'broken.xml']));
    for (const text of [audit.stdout, audit.stderr, again.stdout, again.stderr, ...written.map((file) => readFileSync(file, 'utf8'))]) {
      for (const secret of Object.values(SECRET_ENV)) expect(text).not.toContain(secret);
    }
    expect(readFileSync(path.join(reports, 'secret-store.html'), 'utf8')).toContain('***');
  });
});

const temp = () => mkdtempSync(path.join(tmpdir(), 'q4check-secrets-'));
