import type { MessageHeaders } from './parse.js';

/** The headers one-click unsubscribe depends on: all a saved artifact needs to keep of a message. */
export type UnsubscribeHeaders = Pick<MessageHeaders, 'listUnsubscribe' | 'listUnsubscribeCount' | 'listUnsubscribePost' | 'dkimSignatures'>;

/**
 * One-click unsubscribe (RFC 8058) as Gmail and Yahoo require it of bulk senders: a
 * List-Unsubscribe HTTPS URI, `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, and a DKIM
 * signature covering both headers. A mailto: URI alone is not one-click (Gmail FAQ).
 */

export interface OneClickVerdict {
  hasHttpsUrl: boolean;
  /** Exactly one List-Unsubscribe-Post header whose value is exactly `List-Unsubscribe=One-Click`. */
  hasPostHeader: boolean;
  /** List-Unsubscribe offers only mailto: URIs. */
  mailtoOnly: boolean;
  problems: string[];
}

const ONE_CLICK = 'List-Unsubscribe=One-Click';

const isHttps = (uri: string): boolean => {
  try {
    return new URL(uri).protocol === 'https:';
  } catch {
    return false;
  }
};

const schemeOf = (uri: string): string => /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase() ?? '';

/** RFC 8058 §4: without a signature over both headers a receiver cannot trust the POST target. */
const signedByDkim = (headers: UnsubscribeHeaders): boolean =>
  headers.dkimSignatures.some((signature) => signature.signedHeaders.includes('list-unsubscribe') && signature.signedHeaders.includes('list-unsubscribe-post'));

export const oneClickUnsubscribe = (headers: UnsubscribeHeaders): OneClickVerdict => {
  const uris = headers.listUnsubscribe;
  const posts = headers.listUnsubscribePost;
  const hasHttpsUrl = uris.some(isHttps);
  const hasPostHeader = posts.length === 1 && posts[0]?.trim() === ONE_CLICK;
  const mailtoOnly = uris.length > 0 && uris.every((uri) => schemeOf(uri) === 'mailto');
  const problems: string[] = [];
  if (headers.listUnsubscribeCount === 0) problems.push('no List-Unsubscribe header');
  if (headers.listUnsubscribeCount > 1) problems.push(`${headers.listUnsubscribeCount} List-Unsubscribe headers; there must be one`);
  if (headers.listUnsubscribeCount > 0 && uris.length === 0) problems.push('List-Unsubscribe has no URI in <angle brackets>');
  if (mailtoOnly) problems.push('List-Unsubscribe offers only mailto:, which does not count as one-click unsubscribe');
  for (const uri of uris.filter((candidate) => schemeOf(candidate) === 'http')) problems.push(`${uri} is plain http; RFC 8058 requires an HTTPS URI`);
  if (posts.length > 1) problems.push(`${posts.length} List-Unsubscribe-Post headers; there must be one`);
  if (posts.length === 1 && !hasPostHeader) problems.push(`List-Unsubscribe-Post is ${JSON.stringify(posts[0])}, not exactly ${JSON.stringify(ONE_CLICK)}`);
  if (posts.length === 0 && hasHttpsUrl) problems.push(`no List-Unsubscribe-Post: ${ONE_CLICK} header, so the HTTPS URI is not one-click`);
  if (posts.length > 0 && !hasHttpsUrl) problems.push('List-Unsubscribe-Post is present but List-Unsubscribe has no HTTPS URI to POST to');
  if (hasHttpsUrl && hasPostHeader && !signedByDkim(headers)) {
    problems.push('no DKIM signature covers both List-Unsubscribe and List-Unsubscribe-Post (RFC 8058 §4)');
  }
  return { hasHttpsUrl, hasPostHeader, mailtoOnly, problems };
};
