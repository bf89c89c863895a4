import { writeStderr } from './session.js';

/**
 * First Ctrl-C: stop the checks and still print what finished. Second: leave at once.
 * Returns the signal the run listens to, and a function to stop listening.
 */
export const interruptOnSigint = (): { signal: AbortSignal; dispose(): void } => {
  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    writeStderr('\nInterrupted: stopping the checks and printing what finished (Ctrl-C again to quit now).\n');
    const reason = new Error('interrupted');
    reason.name = 'AbortError';
    controller.abort(reason);
  };
  process.on('SIGINT', onSigint);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onSigint) };
};
