import { z } from 'zod';
import { isIsoDate } from '../lib/dates.js';

/** A calendar date written YYYY-MM-DD. Shared by every check's section. */
export const isoDate = () =>
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (issue) => `"${String(issue.input)}" is not a date (expected YYYY-MM-DD)`, abort: true })
    .refine(isIsoDate, { error: (issue) => `"${String(issue.input)}" is not a real calendar date` });

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const timeZone = () =>
  z.string().refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. America/New_York)` });

export const ipAddress = () =>
  z.union([z.ipv4(), z.ipv6()], { error: (issue) => (issue.input === undefined ? 'is required' : `"${String(issue.input)}" is not an IP address`) });

/**
 * Marks a field as a secret (an auth or admin token): its value, written in the profile or
 * interpolated, is masked in every output. `authToken: secret(z.string().min(1))`.
 */
export const secret = <T extends z.ZodType>(schema: T): T => schema.meta({ secret: true });

/** Whether `schema` itself (not a wrapper around it) was marked with `secret()`. */
export const isMarkedSecret = (schema: z.core.$ZodType): boolean => z.globalRegistry.get(schema)?.secret === true;
