import type { Entry } from 'har-format';
import { HTTP_METHODS } from '../schema.js';
import type { HttpMethod, StepBody } from '../types.js';
import type { DraftStep } from './draft.js';

/** Headers a replay needs; everything else a browser sends is noise or a secret. */
const KEPT_HEADERS = new Set(['accept', 'x-requested-with', 'x-csrf-token']);
const SECRET_HEADER = /^(authorization|proxy-authorization|x-shopify-|x-storefront-access-token|x-api-key)/;

/** Why a header of the recording is not in the journey; counted for the summary, never with its value. */
export type DroppedHeader = 'pseudo-header' | 'cookie' | 'secret header' | 'browser header';

const dropOf = (name: string): DroppedHeader | undefined => {
  if (KEPT_HEADERS.has(name)) return undefined;
  if (name.startsWith(':')) return 'pseudo-header';
  if (name === 'cookie') return 'cookie';
  if (SECRET_HEADER.test(name)) return 'secret header';
  return 'browser header';
};

const parseMultipart = (text: string, boundary: string): [string, string][] | undefined => {
  const pairs: [string, string][] = [];
  for (const part of text.split(`--${boundary}`).slice(1, -1)) {
    const [head = '', ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    // A file field cannot be replayed from a recording (HARs do not hold the file).
    if (/filename=/i.test(head)) return undefined;
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return undefined;
    pairs.push([name, rest.join('\n\n').replace(/\r?\n$/, '')]);
  }
  return pairs;
};

/** A form as a mapping, when no field repeats (`updates[]=1&updates[]=2` stays text). */
const asForm = (pairs: [string, string][]): StepBody | undefined =>
  new Set(pairs.map(([key]) => key)).size === pairs.length ? { form: Object.fromEntries(pairs) } : undefined;

const bodyOf = (entry: Entry): StepBody | undefined => {
  const postData = entry.request.postData;
  const text = postData?.text ?? '';
  const mime = (postData?.mimeType ?? '').toLowerCase();
  if (!postData || (text === '' && !postData.params?.length)) return undefined;
  if (mime.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      // Not JSON after all: sent as text, as recorded.
    }
  }
  if (mime.startsWith('application/x-www-form-urlencoded')) {
    const pairs: [string, string][] = text ? [...new URLSearchParams(text)] : (postData.params ?? []).map((param) => [param.name, param.value ?? '']);
    return asForm(pairs) ?? { text, contentType: 'application/x-www-form-urlencoded' };
  }
  const boundary = /boundary=("?)([^";]+)\1/i.exec(postData.mimeType ?? '')?.[2];
  if (mime.startsWith('multipart/form-data') && boundary) {
    const pairs = parseMultipart(text, boundary);
    // The store reads the same fields urlencoded; the journey format has no multipart.
    if (pairs) return asForm(pairs) ?? { text, contentType: postData.mimeType };
  }
  return { text, ...(postData.mimeType ? { contentType: postData.mimeType } : {}) };
};

export interface RequestParts {
  draft: DraftStep;
  dropped: DroppedHeader[];
}

/** Method, path, the headers worth replaying and the body of one recorded request. */
export const requestParts = (entry: Entry): RequestParts => {
  const url = new URL(entry.request.url);
  const method = entry.request.method.toUpperCase();
  const dropped: DroppedHeader[] = [];
  const headers: Record<string, string> = {};
  for (const header of entry.request.headers) {
    const name = header.name.toLowerCase();
    const reason = dropOf(name);
    if (reason) dropped.push(reason);
    // `*/*` is what a client sends anyway.
    else if (!(name === 'accept' && header.value === '*/*')) headers[name] = header.value;
  }
  const body = bodyOf(entry);
  return {
    draft: {
      entry,
      method: (HTTP_METHODS as readonly string[]).includes(method) ? (method as HttpMethod) : 'GET',
      pathname: url.pathname,
      query: [...url.searchParams],
      headers,
      ...(body ? { body } : {}),
      capture: [],
    },
    dropped,
  };
};
