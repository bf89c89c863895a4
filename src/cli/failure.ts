import { CommanderError } from 'commander';
import { ProfileError, UsageError } from '../lib/errors.js';
import { writeStderr } from './session.js';

export const EXIT_UNJUDGED = 2;

/** Commander's "error: unknown option '--x'\n(Did you mean --y?)" as one line. */
const commanderMessage = (error: CommanderError): string =>
  error.message
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');

/** The one top-level catch: known errors are one line and exit 2; anything else is a bug, with its stack under --debug only. */
export const reportFailure = (error: unknown, debug: boolean): void => {
  process.exitCode = EXIT_UNJUDGED;
  if (error instanceof CommanderError) {
    writeStderr(`q4check: ${commanderMessage(error)} (see q4check --help)\n`);
  } else if (error instanceof UsageError) {
    writeStderr(`q4check: ${error.message}\n`);
  } else if (error instanceof ProfileError) {
    // file:line:col first, as compilers print it, so editors and CI annotations can jump there.
    writeStderr(`${error.message}\n`);
  } else if (debug) {
    writeStderr(`${(error as Error).stack ?? String(error)}\n`);
  } else {
    writeStderr(`q4check: internal error: ${(error as Error).message ?? String(error)}. Run again with --debug for details, and please report it.\n`);
  }
};
