import type { AnyCheck, Logger } from '../engine/define-check.js';
import type { CheckRun } from '../engine/report.js';
import type { ProgressSink } from '../engine/run.js';
import { secrets, writeStderr } from './session.js';

/** At most ten redraws a second: a check may report progress thousands of times a second. */
export const REDRAW_INTERVAL_MS = 100;

/** The part of a spinner (ora's) the progress sink drives. */
export interface Spinner {
  text: string;
  warn(text: string): unknown;
  start(): unknown;
  stop(): unknown;
}

export type Progress = ProgressSink & { stop(): void };

/**
 * Each running check with its latest progress ("sms-routing: 120/386 messages") on the spinner.
 * The text is set at most once per REDRAW_INTERVAL_MS, the latest always shown in the end; it
 * passes the secret filter, since the spinner writes to the terminal itself.
 */
export const spinnerProgress = (store: string, spinner: Spinner, redact: (text: string) => string): Progress => {
  // '' until the check reports any progress.
  const running = new Map<string, string>();
  let lastShown = Number.NEGATIVE_INFINITY;
  let pending: NodeJS.Timeout | undefined;
  let stopped = false;
  const show = () => {
    pending = undefined;
    lastShown = Date.now();
    const parts = [...running].map(([id, progress]) => (progress ? `${id}: ${progress}` : id));
    spinner.text = redact(`Auditing ${store}: ${parts.join(', ') || 'judging'}`);
  };
  const update = () => {
    if (pending !== undefined || stopped) return;
    const wait = lastShown + REDRAW_INTERVAL_MS - Date.now();
    if (wait <= 0) show();
    else pending = setTimeout(show, wait).unref();
  };
  return {
    checkStarted(check: AnyCheck) {
      running.set(check.id, '');
      update();
    },
    checkProgress(check: AnyCheck, text: string) {
      if (!running.has(check.id)) return;
      running.set(check.id, text);
      update();
    },
    checkFinished(check: AnyCheck, run: CheckRun) {
      running.delete(check.id);
      if (run.state === 'error') {
        spinner.warn(redact(`${check.id}: ${run.reason ?? 'error'}`));
        spinner.start();
      }
      update();
    },
    // The report prints after this: the spinner's line is cleared and nothing redraws it.
    stop() {
      stopped = true;
      clearTimeout(pending);
      spinner.stop();
    },
  };
};

const SILENT: Progress = { checkStarted: () => undefined, checkFinished: () => undefined, stop: () => undefined };

/** A spinner on a terminal, nothing in CI or with --quiet: stdout stays the report's alone. */
export const createProgress = async (store: string, interactive: boolean): Promise<Progress> => {
  if (!interactive) return SILENT;
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: process.stderr, text: secrets.redact(`Auditing ${store}`), interval: REDRAW_INTERVAL_MS }).start();
  return spinnerProgress(store, spinner, (text) => secrets.redact(text));
};

export const createLogger = (debug: boolean): Logger => ({
  info: () => undefined,
  debug: (message) => {
    if (debug) writeStderr(`debug: ${message}\n`);
  },
});
