/** Settles with the promise, or rejects as soon as the signal aborts: a gather that ignores its signal cannot hang the run. */
export const abortable = <T>(promise: Promise<T>, signal: AbortSignal): Promise<T> => {
  if (signal.aborted) return Promise.reject(reasonOf(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reasonOf(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
};

const reasonOf = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason ?? 'aborted'));

export const describeAbort = (error: unknown, timeoutMs: number): string => {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `it did not finish within its time limit of ${formatSeconds(timeoutMs)}`;
  if (name === 'AbortError') return 'the run was interrupted before it finished';
  return (error as Error).message || String(error);
};

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;
