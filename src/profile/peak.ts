import type { Peak } from '../engine/define-check.js';
import { comingBlackFridayWeekend } from '../lib/dates.js';

/** The profile's peak, or the coming Black Friday through Cyber Monday as seen from `today`. */
export const resolvePeak = (peak: { name: string; start: string; end: string } | undefined, today: string): Peak =>
  peak ? { ...peak, derived: false } : { name: 'Black Friday – Cyber Monday', ...comingBlackFridayWeekend(today), derived: true };
