import type { AnyCheck, Logger } from '../engine/define-check.js';
import type { CheckRun } from '../engine/report.js';
import type { ProgressSink } from '../engine/run.js';
import { writeStderr } from './session.js';

/** A spinner on a terminal, nothing in CI or with --quiet: stdout stays the report's alone. */
export const createProgress = async (store: string, interactive: boolean): Promise<ProgressSink & { stop(): void }> => {
  if (!interactive) return { checkStarted: () => undefined, checkFinished: () => undefined, stop: () => undefined };
  const { default: ora } = await import('ora');
  // Each running check with its latest progress ("sms-routing: 120/386 messages"), or '' before it reports any.
  const running = new Map<string, string>();
  const spinner = ora({ stream: process.stderr, text: `Auditing ${store}` }).start();
  const update = () => {
    const parts = [...running].map(([id, progress]) => (progress ? `${id}: ${progress}` : id));
    spinner.text = `Auditing ${store}: ${parts.join(', ') || 'judging'}`;
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
