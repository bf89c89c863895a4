const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

const NAMES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection closed',
  UND_ERR_CLOSED: 'connection closed',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  HPE_INVALID_CONSTANT: 'malformed answer',
  HPE_INVALID_HEADER_TOKEN: 'malformed answer',
};

/** A transport failure in the words a report uses: 'timeout', 'connection refused', 'connection reset', … */
export const transportError = (error: unknown): string => {
  const err = error as { name?: string; code?: string; cause?: { code?: string; name?: string }; message?: string };
  if (err.name === 'TimeoutError' || err.cause?.name === 'TimeoutError') return 'timeout';
  const code = err.code ?? err.cause?.code;
  if (code !== undefined && TIMEOUT_CODES.has(code)) return 'timeout';
  if (code !== undefined && NAMES[code]) return NAMES[code];
  return code ?? err.message ?? String(error);
};
