/** Rejects with the signal's reason as soon as it aborts, without waiting for `promise`; `onAbort` runs first. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = (): void => {
      onAbort?.();
      reject(signal.reason);
    };
    if (signal.aborted) {
      abort();
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(error);
      },
    );
  });
}

/**
 * Waits for `promise`; once `signal` aborts it waits `graceMs` more, so that work which stops on the signal
 * can hand back what it finished, then rejects with the signal's reason.
 */
export function withGrace<T>(promise: Promise<T>, signal: AbortSignal, graceMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new AbortController();
  const startGrace = (): void => {
    timer = setTimeout(() => late.abort(signal.reason), graceMs);
  };
  if (signal.aborted) startGrace();
  else signal.addEventListener('abort', startGrace, { once: true });
  return abortable(promise, late.signal).finally(() => {
    signal.removeEventListener('abort', startGrace);
    clearTimeout(timer);
  });
}
