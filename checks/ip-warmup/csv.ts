import { isIP } from 'node:net';
import { isIsoDate } from '../../src/lib/dates.js';
import type { SendRow } from './artifact.js';

const COLUMNS = ['date', 'ip', 'sent', 'bounced', 'complaints'] as const;
type Column = (typeof COLUMNS)[number];
type ColumnIndex = Record<Column, number>;

export type ParsedActuals = { rows: SendRow[] } | { error: string };
type Parsed<T> = { value: T } | { error: string };

const EXPECTED_HEADER = `a header line naming the columns ${COLUMNS.join(',')} (in any order)`;

// Spreadsheet exports often quote every field; no field of this file can contain a comma.
const fieldsOf = (line: string): string[] => line.split(',').map((field) => field.trim().replace(/^"(.*)"$/, '$1').trim());

/** Extra columns (campaign, provider…) are ignored, so an ESP export can be used as it is. */
const readHeader = (line: string): Parsed<ColumnIndex> => {
  const names = fieldsOf(line).map((name) => name.toLowerCase());
  const duplicate = COLUMNS.find((column) => names.indexOf(column) !== names.lastIndexOf(column));
  if (duplicate) return { error: `the header names the column "${duplicate}" twice` };
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) return { error: `expected ${EXPECTED_HEADER}; missing: ${missing.join(', ')}` };
  const index = Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as ColumnIndex;
  return { value: index };
};

const readCount = (column: Column, text: string): Parsed<number> => {
  const value = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(value)
    ? { value }
    : { error: `${column} "${text}" is not a whole number of messages` };
};

/** Bounces and complaints are counted among the messages sent, so neither can exceed them. */
const withinSent = (row: SendRow): Parsed<SendRow> => {
  const { sent, bounced, complaints } = row;
  if (bounced > sent) return { error: `bounced (${bounced}) is more than sent (${sent})` };
  if (complaints > sent) return { error: `complaints (${complaints}) is more than sent (${sent})` };
  return { value: row };
};

/** Checks the fields one by one, so the message names the first wrong one. */
const readRow = (fields: string[], index: ColumnIndex, width: number): Parsed<SendRow> => {
  if (fields.length !== width) return { error: `expected ${width} fields like the header, found ${fields.length}` };
  const field = (column: Column): string => fields[index[column]] ?? '';
  const date = field('date');
  if (!isIsoDate(date)) return { error: `date "${date}" is not a date (expected YYYY-MM-DD)` };
  const ip = field('ip');
  if (isIP(ip) === 0) return { error: `ip "${ip}" is not an IP address` };
  const sent = readCount('sent', field('sent'));
  if ('error' in sent) return sent;
  const bounced = readCount('bounced', field('bounced'));
  if ('error' in bounced) return bounced;
  const complaints = readCount('complaints', field('complaints'));
  if ('error' in complaints) return complaints;
  return withinSent({ date, ip, sent: sent.value, bounced: bounced.value, complaints: complaints.value });
};

/** Parses the actual-sends CSV; a bad line is reported with its 1-based line number ("line 3: …"), never thrown. */
export const parseActuals = (text: string): ParsedActuals => {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  const headerLine = lines[headerAt];
  if (headerLine === undefined) return { error: `is empty; expected ${EXPECTED_HEADER}` };
  const header = readHeader(headerLine);
  if ('error' in header) return { error: `line ${headerAt + 1}: ${header.error}` };
  const width = fieldsOf(headerLine).length;
  const rows: SendRow[] = [];
  for (let at = headerAt + 1; at < lines.length; at += 1) {
    const line = lines[at] ?? '';
    if (line.trim() === '') continue;
    const row = readRow(fieldsOf(line), header.value, width);
    if ('error' in row) return { error: `line ${at + 1}: ${row.error}` };
    rows.push(row.value);
  }
  return { rows };
};
