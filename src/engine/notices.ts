import type { Peak } from './define-check.js';
import { comingBlackFridayWeekend, daysBetween } from '../lib/dates.js';

/** A peak already over is the first thing a reader must know: every date verdict is judged against it. */
export const peakNotices = (peak: Peak, today: string): string[] => {
  const since = daysBetween(peak.end, today);
  if (since <= 0) return [];
  const next = comingBlackFridayWeekend(today).start;
  return [`${peak.name} ended ${since} day${since === 1 ? '' : 's'} ago (${peak.end}); the next derived peak is ${next}.`];
};
