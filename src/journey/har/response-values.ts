import type { Entry } from 'har-format';
import { formatJsonPath, type JsonPathSegment } from '../json-path.js';
import type { Capture } from '../types.js';
import { responseText } from './read-har.js';

/** A value an answer produced, and how to capture it again from a live answer. */
export interface ProducedValue {
  value: string;
  /** The capture without its name. */
  source: Omit<Capture, 'name'>;
  /** Words a capture name is made of: `checkout`, `token`. */
  words: string[];
  /** Lower is more specific: JSON path, then a whole header or a cookie, then a header narrowed by regex, then HTML. */
  rank: number;
}

/**
 * Whether a value is distinctive enough that finding it again in a later request means it was handed
 * on: long, not a flag or a word, not a date, not a URL. Quantities and prices are too short to count.
 */
export const isDistinctive = (value: string): boolean =>
  value.length >= 8 &&
  value.length <= 2048 &&
  !/\s/.test(value) &&
  !/^(true|false|null|undefined)$/i.test(value) &&
  !/^\d{4}-\d{2}-\d{2}/.test(value) &&
  !/^(https?:|\/)/.test(value) &&
  (/\d/.test(value) || value.length >= 16);

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A regex over `text` whose first group is `value`, checked against the recording; undefined when it would not be. */
const verified = (regex: string, text: string, value: string): string | undefined => (new RegExp(regex).exec(text)?.[1] === value ? regex : undefined);

const valueClass = (value: string): string => (/^[\w-]+$/.test(value) ? '[\\w-]+' : '[^/?#&"\'\\s]+');

const jsonValues = (body: unknown, resource: string): ProducedValue[] => {
  const found: ProducedValue[] = [];
  const walk = (node: unknown, path: JsonPathSegment[]) => {
    if (typeof node === 'string' || typeof node === 'number') {
      const words = path.filter((segment): segment is string => typeof segment === 'string').slice(-2);
      // `token` at the top of /cart.js is the cart's token; `order_id` says enough itself.
      if (words.length < 2 && /^(token|key|id|value)$/i.test(words[0] ?? '')) words.unshift(resource);
      found.push({ value: String(node), source: { json: formatJsonPath(path) }, words, rank: 0 });
    } else if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, index]));
    else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
  };
  walk(body, []);
  return found;
};

// Headers that describe the answer rather than hand anything on.
const PLAIN_HEADERS = new Set(['date', 'expires', 'last-modified', 'content-length', 'content-type', 'cache-control', 'server', 'vary', 'via', 'age', 'etag', 'connection', 'keep-alive', 'transfer-encoding', 'strict-transport-security', 'content-security-policy', 'report-to', 'nel', 'alt-svc']);

/** A Location's path segments and query values, each narrowed by a regex from what precedes it. */
const locationValues = (location: string): ProducedValue[] => {
  const url = new URL(location, 'http://recorded.invalid');
  const found: ProducedValue[] = [];
  const segments = url.pathname.split('/');
  segments.forEach((segment, index) => {
    if (!isDistinctive(segment)) return;
    const before = segments.slice(Math.max(0, index - 2), index).join('/');
    const regex = verified(`${escapeRegex(`${before}/`)}(${valueClass(segment)})`, location, segment);
    const resource = (segments.find((part) => /^[a-z]+$/i.test(part)) ?? 'redirect').replace(/s$/, '');
    if (regex) found.push({ value: segment, source: { header: 'location', regex }, words: [resource, 'token'], rank: 2 });
  });
  for (const [key, value] of url.searchParams) {
    const regex = verified(`[?&]${escapeRegex(encodeURIComponent(key))}=([^&#]+)`, location, value);
    if (regex) found.push({ value, source: { header: 'location', regex }, words: [key], rank: 2 });
  }
  return found;
};

const cookieValues = (setCookies: readonly string[]): ProducedValue[] =>
  setCookies.flatMap((line) => {
    const match = /^\s*([^=;\s]+)=([^;]*)/.exec(line);
    if (!match) return [];
    const [, name = '', value = ''] = match;
    return [{ value, source: { cookie: name }, words: /token|id|key/i.test(name) ? [name] : [name, 'token'], rank: 1 }];
  });

// `<input type="hidden" name="authenticity_token" value="…">`, `<meta name="csrf-token" content="…">`
const TAG = /<(input|meta)\b[^>]*>/gi;

const htmlValues = (html: string): ProducedValue[] =>
  [...html.matchAll(TAG)].flatMap(([tag]) => {
    const name = /\bname=(["'])([^"']+)\1/i.exec(tag)?.[2];
    const attribute = /\b(value|content)=(["'])([^"']*)\2/i.exec(tag);
    if (!name || !attribute) return [];
    const [, valueName = '', quote = '"', value = ''] = attribute;
    const nameFirst = tag.indexOf('name=') < tag.indexOf(`${valueName}=`);
    const nameAttribute = `name=${quote}${escapeRegex(name)}${quote}`;
    const valueAttribute = `${valueName}=${quote}([^${quote}]*)${quote}`;
    const regex = verified(nameFirst ? `${nameAttribute}[^>]*?${valueAttribute}` : `${valueAttribute}[^>]*?${nameAttribute}`, html, value);
    return regex ? [{ value, source: { regex }, words: [name], rank: 3 }] : [];
  });

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Every distinctive value the recorded answer held, with the most specific way to read it live. */
export const producedValues = (entry: Entry): ProducedValue[] => {
  const headers = entry.response.headers.map((header) => ({ name: header.name.toLowerCase(), value: header.value }));
  const text = responseText(entry);
  const mime = (entry.response.content.mimeType ?? '').toLowerCase();
  const resource = new URL(entry.request.url).pathname.split(/[/.]/).find((part) => /^[a-z]+$/i.test(part)) ?? 'response';
  const json = mime.includes('json') || /^\s*[{[]/.test(text) ? parseJson(text) : undefined;
  const values = [
    ...(json !== undefined ? jsonValues(json, resource) : []),
    ...headers.filter((header) => header.name === 'location').flatMap((header) => locationValues(header.value)),
    ...cookieValues(headers.filter((header) => header.name === 'set-cookie').flatMap((header) => header.value.split('\n'))),
    ...headers
      .filter((header) => !PLAIN_HEADERS.has(header.name) && header.name !== 'location' && header.name !== 'set-cookie' && !header.name.startsWith(':'))
      .map((header) => ({ value: header.value, source: { header: header.name }, words: [header.name.replace(/^x-/, '')], rank: 1 })),
    ...(json === undefined && mime.includes('html') ? htmlValues(text) : []),
  ];
  return values.filter((produced) => isDistinctive(produced.value));
};
