/** Calendar dates as 'YYYY-MM-DD' strings and whole days: no clock, no time zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export const isIsoDate = (text: string): boolean => {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** Days since 1970-01-01 for an ISO date. */
export const toDayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;

export const fromDayNumber = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const addDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);

export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

export const monthOf = (iso: string): number => Number(iso.slice(5, 7));

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** Black Friday: the day after the fourth Thursday of November. */
export const blackFriday = (year: number): string => {
  const firstOfNovember = `${year}-11-01`;
  const firstThursdayOffset = (4 - weekdayOf(firstOfNovember) + 7) % 7;
  return addDays(firstOfNovember, firstThursdayOffset + 21 + 1);
};

/** The coming Black Friday to Cyber Monday: this year's, or next year's once this one is over. */
export const comingBlackFridayWeekend = (today: string): { start: string; end: string } => {
  const thisYear = blackFriday(yearOf(today));
  const start = daysBetween(addDays(thisYear, 3), today) > 0 ? blackFriday(yearOf(today) + 1) : thisYear;
  return { start, end: addDays(start, 3) };
};

/** Today's date in a time zone, from an instant the caller supplies (the CLI reads the clock, nothing else). */
export const dateInTimeZone = (instant: Date, timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
