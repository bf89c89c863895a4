/** Why a check's gather stopped, in words for the report. */
export const describeAbort = (error: unknown, timeoutMs: number): string => {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `it did not finish within its time limit of ${formatSeconds(timeoutMs)}`;
  if (name === 'AbortError') return 'the run was interrupted before it finished';
  return (error as Error).message || String(error);
};

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

/** The same as a finding's short stable cause. */
export const causeOfAbort = (error: unknown, timeoutMs: number): string => {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `timeout: the check did not finish within ${formatSeconds(timeoutMs)}`;
  if (name === 'AbortError') return 'interrupted: the run was stopped before the check finished';
  const replayed = (error as { findingCause?: unknown } | undefined)?.findingCause;
  if (typeof replayed === 'string') return replayed;
  return `check: ${(error as Error).message || String(error)}`;
};
