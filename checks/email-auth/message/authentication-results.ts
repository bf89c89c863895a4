/**
 * A light reading of Authentication-Results (RFC 8601): which receiver wrote it and each method's
 * result with its properties, e.g. `dkim=pass header.d=shop.example`. Enough to show what a mailbox
 * provider concluded; not a validator.
 */

export interface MethodResult {
  /** Lower-cased: spf, dkim, dmarc, arc… */
  method: string;
  /** Lower-cased: pass, fail, none, softfail, temperror… */
  result: string;
  /** ptype.property=value pairs, keys lower-cased: `header.d`, `smtp.mailfrom`… */
  properties: Record<string, string>;
}

export interface AuthenticationResults {
  /** The receiver that wrote the header (authserv-id). */
  authservId: string;
  results: MethodResult[];
}

/** Drops comments and keeps quoted strings intact, so "(…;…)" cannot split a result. */
const stripComments = (text: string): string => {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (const char of text) {
    if (depth === 0 && char === '"') quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    else if (!quoted && char === ')' && depth > 0) depth -= 1;
    else if (depth === 0) out += char;
  }
  return out;
};

/** Splits on ";" outside quoted strings. */
const splitResults = (text: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
};

const METHOD = /^([A-Za-z0-9_-]+)(?:\/\d+)?\s*=\s*([A-Za-z]+)/;
const PROPERTY = /([A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]+)/g;

const readResult = (text: string): MethodResult | undefined => {
  const method = METHOD.exec(text);
  if (method === null) return undefined;
  const properties: Record<string, string> = {};
  for (const match of text.slice(method[0].length).matchAll(PROPERTY)) {
    properties[(match[1] ?? '').toLowerCase()] = (match[2] ?? '').replace(/^"|"$/g, '');
  }
  return { method: (method[1] ?? '').toLowerCase(), result: (method[2] ?? '').toLowerCase(), properties };
};

/** Parses one Authentication-Results value. Never throws. */
export const parseAuthenticationResults = (value: string): AuthenticationResults => {
  const [head = '', ...rest] = splitResults(stripComments(value));
  // authserv-id may be followed by a version number ("mx.example.com 1").
  const authservId = head.split(/\s+/)[0] ?? '';
  return { authservId, results: rest.flatMap((part) => readResult(part) ?? []) };
};
