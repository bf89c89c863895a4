import type { Entry, Har } from 'har-format';
import { UsageError } from '../../lib/errors.js';

/**
 * A HAR 1.2 as devtools ("Save all as HAR") and Playwright's recordHar write it. Bad input is one line:
 * never a stack, never a piece of the file (a recording holds cookies and whatever was typed).
 */
export const parseHar = (text: string, file: string): Entry[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not JSON: expected a HAR file saved from the browser's Network tab`);
  }
  const entries = (parsed as Partial<Har> | null)?.log?.entries;
  if (!Array.isArray(entries)) throw new UsageError(`${file} is not a HAR: it has no log.entries (save it with "Save all as HAR")`);
  const wellFormed = entries.filter(
    (entry: Partial<Entry> | null): entry is Entry =>
      typeof entry?.request?.url === 'string' && typeof entry.request.method === 'string' && typeof entry.response?.status === 'number',
  );
  if (wellFormed.length < entries.length) throw new UsageError(`${file} is not a HAR 1.2: ${entries.length - wellFormed.length} of its entries lack request.url, request.method or response.status`);
  return wellFormed;
};

/** The response's text, decoded when the HAR stored it as base64. */
export const responseText = (entry: Entry): string => {
  const { text, encoding } = entry.response.content;
  if (text === undefined) return '';
  return encoding === 'base64' ? Buffer.from(text, 'base64').toString('utf8') : text;
};

export const headerValues = (headers: readonly { name: string; value: string }[], name: string): string[] =>
  headers.filter((header) => header.name.toLowerCase() === name).map((header) => header.value);
