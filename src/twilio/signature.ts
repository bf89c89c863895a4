import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseLegacyQuery, stringify as stringifyLegacyQuery } from 'node:querystring';
import type { FormParams } from './form.js';

/**
 * X-Twilio-Signature, computed and checked the way twilio-node's `getExpectedTwilioSignature` and
 * `validateRequest` do (src/webhooks/webhooks.ts, v6.0.2; research §2.2), so a store built on the
 * official helper accepts what q4check signs and the simulator refuses what that helper refuses.
 */

/** The header Twilio sends the signature in. */
export const SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * base64(HMAC-SHA1(authToken, url + name + value for every parameter)). The URL is used exactly as
 * given: sign the URL the request is posted to, query string included. Names are sorted by UTF-16
 * code unit (JS `sort()`: uppercase before lowercase); a repeated name contributes each distinct
 * value once, values sorted the same way. No delimiters anywhere.
 */
export const signTwilioRequest = (authToken: string, url: string, params: FormParams): string => {
  let data = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    if (typeof value === 'string') data += name + value;
    else for (const item of [...new Set(value)].sort()) data += name + item;
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
};

/**
 * True when the signature matches the URL in any of the four forms twilio-node tries, because
 * "signature generation on the back end is inconsistent": without the port, with the scheme's
 * default port added (when none is given), and each of those with the query string re-encoded by
 * Node's legacy `querystring` (which leaves `'` alone where the WHATWG URL writes `%27`). An empty
 * or missing signature never matches; each comparison is constant-time.
 */
export const validateTwilioSignature = (authToken: string, signature: string | undefined, url: string, params: FormParams): boolean => {
  if (!signature) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false; // A URL Twilio could not have requested cannot carry a valid signature.
  }
  const withoutPort = urlWithoutPort(parsed);
  const withPort = urlWithPort(parsed);
  const candidates = [withoutPort, withPort, withLegacyQuery(withoutPort), withLegacyQuery(withPort)];
  // Every candidate is compared, so the time taken does not tell which form (if any) matched.
  return candidates.map((candidate) => sameSignature(signature, signTwilioRequest(authToken, candidate, params))).includes(true);
};

const urlWithoutPort = (url: URL): string => {
  const copy = new URL(url);
  copy.port = '';
  return copy.toString();
};

/** twilio-node writes this one by hand, because the WHATWG URL drops a port that is the scheme's default. */
const urlWithPort = (url: URL): string => {
  if (url.port) return url.toString();
  const credentials = url.username || url.password ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const port = url.protocol === 'https:' ? ':443' : ':80';
  return `${url.protocol}//${credentials}${url.host}${port}${url.pathname}${url.search}${url.hash}`;
};

/**
 * twilio-node appends the re-encoded query after `toString()` of the URL without its query, so a
 * fragment ends up before the `?`. Reproduced as is: that is the string the helper signs.
 */
const withLegacyQuery = (url: string): string => {
  const parsed = new URL(url);
  if (!parsed.search) return url;
  const query = parseLegacyQuery(parsed.search.slice(1));
  parsed.search = '';
  return `${parsed.toString()}?${stringifyLegacyQuery(query)}`;
};

const sameSignature = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};
