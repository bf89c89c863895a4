import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TEST_TIMEOUT_MS, ROOT, runCli } from '../helpers/cli.js';

const PROFILE = 'fixtures/profiles/valid/slow-store.yaml';

describe('a run that cannot finish', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('Ctrl-C stops the running checks and still prints what finished, exit 2', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/q4check.js'), 'audit', PROFILE, '--today', '2026-09-01'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('slow-check: started')) child.kill('SIGINT');
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(2);
    expect(stderr).toContain('Interrupted: stopping the checks');
    expect(stdout).toContain('IP warm-up (ip-warmup)');
    // The terminal wraps long lines at word boundaries.
    expect(stdout.replace(/\s+/g, ' ')).toContain('could not complete: the run was interrupted before it finished');
    expect(stdout.trim().split('\n').at(-1)).toBe('Exit code 2: interrupted before every check finished; the report is partial.');
  });

  it('--timeout stops a check that takes too long; the others are still judged', async () => {
    const result = await runCli(['audit', PROFILE, '--today', '2026-09-01', '--timeout', '0.2', '--fail-on', 'medium']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Could not check: it did not finish within its time limit of 0.2 s');
    expect(result.stdout).toContain('ip-warmup/peak-readiness');
  });
});
