import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

/** A store with only a warm-up plan: judged offline, so the test sends nothing anywhere. */
const profile = (logo: string): string => `version: 1
store: {name: Logo Store, timezone: America/New_York}
peak: {name: Black Friday 2026, start: 2026-11-27, end: 2026-11-30}
report:
  preparedBy: Agency
  logo: ${logo}
checks:
  ip-warmup:
    peakDailyVolume: 1000
    ips:
      - {address: 192.0.2.10, start: 2026-08-01, schedule: braze}
`;

describe('report.logo', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('is inlined in the HTML report as a data URI, so the page fetches nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'q4check-logo-'));
    await copyFile(path.join(ROOT, 'fixtures/profiles/valid/brand/logo.svg'), path.join(dir, 'logo.svg'));
    await writeFile(path.join(dir, 'store.yaml'), profile('./logo.svg'));
    const result = await runCli(['audit', path.join(dir, 'store.yaml'), '--today', '2026-11-20', '--out', path.join(dir, 'r.html')]);
    expect(result.stderr).toBe('');
    const html = await readFile(path.join(dir, 'r.html'), 'utf8');
    expect(html).toMatch(/<img class="logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    expect(html).not.toContain('logo.svg');
  });

  it.each([
    ['./missing.svg', 'store.yaml:6:9: report.logo: ./missing.svg cannot be read (the path is relative to the profile)'],
    ['./logo.gif', 'store.yaml:6:9: report.logo: ./logo.gif is not an .svg or .png file'],
  ])('%s is a profile error, exit 2, one line', async (logo, message) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'q4check-logo-'));
    await writeFile(path.join(dir, 'store.yaml'), profile(logo));
    const result = await runCli(['audit', 'store.yaml', '--today', '2026-11-20'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(message);
  });
});
