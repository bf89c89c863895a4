import type { AnyCheck, Logger } from '../engine/define-check.js';
import type { CheckRun } from '../engine/report.js';
import type { ProgressSink } from '../engine/run.js';
import { writeStderr } from './session.js';

/** A spinner on a terminal, nothing in CI or with --quiet: stdout stays the report's alone. */
export const createProgress = async (store: string, interactive: boolean): Promise<ProgressSink & { stop(): void }> => {
  if (!interactive) return { checkStarted: () => undefined, checkFinished: () => undefined, stop: () => undefined };
  const { default: ora } = await import('ora');
  const running = new Set<string>();
  const spinner = ora({ stream: process.stderr, text: `Auditing ${store}` }).start();
  const update = () => {
    spinner.text = `Auditing ${store}: ${[...running].join(', ') || 'judging'}`;
  };
  return {
    checkStarted(check: AnyCheck) {
      running.add(check.id);
      update();
    },
    checkFinished(check: AnyCheck, run: CheckRun) {
      running.delete(check.id);
      if (run.state === 'error') spinner.warn(`${check.id}: ${run.reason ?? 'error'}`).start();
      update();
    },
    stop: () => spinner.stop(),
  };
};

export const createLogger = (debug: boolean): Logger => ({
  info: () => undefined,
  debug: (message) => {
    if (debug) writeStderr(`debug: ${message}\n`);
  },
});
