import { addDays } from '../../src/lib/dates.js';
import type { IpWarmupArtifact, SendRow } from './artifact.js';
import { datesFrom } from './plan.js';

/** One IP's sends on one date; several CSV rows for the same date and IP (one per campaign) are added up. */
export type DaySends = { date: string; sent: number; bounced: number; complaints: number };

export type IpActuals = {
  /** Dates up to today, oldest first. */
  days: DaySends[];
  /** Rows dated after today: not judged, but reported so a wrong `--today` or a future-dated export shows. */
  ignoredAfterToday: number;
};

export const NO_ACTUALS: IpActuals = { days: [], ignoredAfterToday: 0 };

const addRow = (days: Map<string, DaySends>, row: SendRow): void => {
  const day = days.get(row.date) ?? { date: row.date, sent: 0, bounced: 0, complaints: 0 };
  days.set(row.date, {
    date: row.date,
    sent: day.sent + row.sent,
    bounced: day.bounced + row.bounced,
    complaints: day.complaints + row.complaints,
  });
};

/** The rows grouped per IP: daily totals up to today, and how many later rows were left out. */
export const actualsByIp = (rows: SendRow[], today: string): Map<string, IpActuals> => {
  const daysByIp = new Map<string, Map<string, DaySends>>();
  const ignoredByIp = new Map<string, number>();
  for (const row of rows) {
    const days = daysByIp.get(row.ip) ?? new Map<string, DaySends>();
    daysByIp.set(row.ip, days);
    if (row.date > today) ignoredByIp.set(row.ip, (ignoredByIp.get(row.ip) ?? 0) + 1);
    else addRow(days, row);
  }
  return new Map(
    [...daysByIp].map(([ip, days]) => [
      ip,
      { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), ignoredAfterToday: ignoredByIp.get(ip) ?? 0 },
    ]),
  );
};

export const sendingDays = (ip: IpActuals): DaySends[] => ip.days.filter((day) => day.sent > 0);

export type RateWindow = { from: string; to: string; sent: number; counted: number; rate: number };

/** Bounces or complaints as a share of the messages sent over some days. */
export const rateOver = (days: DaySends[], field: 'bounced' | 'complaints'): RateWindow => {
  const sent = days.reduce((sum, day) => sum + day.sent, 0);
  const counted = days.reduce((sum, day) => sum + day[field], 0);
  return { from: days[0]?.date ?? '', to: days.at(-1)?.date ?? '', sent, counted, rate: sent > 0 ? counted / sent : 0 };
};

/** What the artifact offers the actuals rules: nothing, a reason it could not be read, or the sends. */
export type ActualsView =
  | { kind: 'none' }
  | { kind: 'error'; file: string; error: string; cause: string }
  /** `lastDate`: the latest date of any row up to today; none when the file has no such row. */
  | { kind: 'sends'; file: string; byIp: Map<string, IpActuals>; lastDate: string | undefined };

const latestDate = (byIp: Map<string, IpActuals>): string | undefined =>
  [...byIp.values()].map((ip) => ip.days.at(-1)?.date ?? '').reduce<string | undefined>((latest, date) => (date > (latest ?? '') ? date : latest), undefined);

/**
 * The last day the actuals can speak for: yesterday (today is not over) or, when the file ends earlier, its
 * last date. Days after it are not known, so they are never read as days without sends.
 */
export const judgedUntil = (lastDate: string | undefined, today: string): string => {
  const yesterday = addDays(today, -1);
  return lastDate !== undefined && lastDate < yesterday ? lastDate : yesterday;
};

/** A day of one IP as the file tells it: what it sent, or nothing known when the file has no row for it. */
export type KnownDay = { date: string; sent: number | undefined };

export const knownDays = (actuals: IpActuals, from: string, to: string): KnownDay[] => {
  const sent = new Map(actuals.days.map((day) => [day.date, day.sent]));
  return datesFrom(from, to).map((date) => ({ date, sent: sent.get(date) }));
};

export const actualsView = (artifact: IpWarmupArtifact, today: string): ActualsView => {
  const { actuals } = artifact;
  if (actuals === null) return { kind: 'none' };
  if ('error' in actuals) {
    // Recordings made before causes existed still group under one cause per file.
    const cause = actuals.cause ?? `file: ${actuals.file} could not be read`;
    return { kind: 'error', file: actuals.file, error: actuals.error, cause };
  }
  const byIp = actualsByIp(actuals.rows, today);
  return { kind: 'sends', file: actuals.file, byIp, lastDate: latestDate(byIp) };
};
