import { isIsoDate } from '../lib/dates.js';
import { UsageError } from '../lib/errors.js';

/** `--today` as given, checked: a real calendar date written YYYY-MM-DD, or undefined for the clock's. */
export const parseToday = (value: unknown): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`--today takes a date written YYYY-MM-DD, not "${String(value)}"`);
  return value;
};
