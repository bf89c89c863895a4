/** Why a check's gather stopped, in words for the report. */
export const describeAbort = (error: unknown, timeoutMs: number): string => {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `it did not finish within its time limit of ${formatSeconds(timeoutMs)}`;
  if (name === 'AbortError') return 'the run was interrupted before it finished';
  return (error as Error).message || String(error);
};

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(1))} s`;

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);

/** The same as a finding's short stable cause. */
export const causeOfAbort = (error: unknown, timeoutMs: number): string => {
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError') return `timeout: the check did not finish within ${formatSeconds(timeoutMs)}`;
  if (name === 'AbortError') return 'interrupted: the run was stopped before the check finished';
  const replayed = (error as { findingCause?: unknown } | undefined)?.findingCause;
  if (typeof replayed === 'string') return replayed;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return `network: ${(error as Error).message}`;
  if (code === 'ENOENT' || code === 'EACCES') return `file: ${(error as Error).message}`;
  return `check: ${(error as Error).message || String(error)}`;
};
