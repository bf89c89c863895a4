import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/q4check.js');

/**
 * The time limit of a test that spawns the CLI. A spawned audit of the demo store on a loaded
 * 2-core machine can take several times what it takes on a quiet one; only a hang may reach this.
 * How long a run takes is measured by `npm run bench`, never asserted by a test.
 */
export const CLI_TEST_TIMEOUT_MS = 300_000;

export interface CliResult {
  stdout: string;
  stderr: string;
  status: number | null;
}

/** Runs the built CLI from the project root with a minimal environment, as a CI job would. */
export const runCli = (args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', TZ: 'UTC', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character split across two chunks (ＳＴＯＰ in a long report) is joined, not garbled.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(options.input ?? '');
  });

/** What a user must never see: a stack trace or a path of the machine the tests run on. */
export const stackTraceOrPath = (text: string): string | undefined =>
  [/\n\s+at .+\(.*\)/, /TypeError|ReferenceError|SyntaxError: /, new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))]
    .map((pattern) => pattern.exec(text)?.[0])
    .find(Boolean);
