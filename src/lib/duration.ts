const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds in a duration written as people write them in a profile: `90s`, `2m`, `1m30s`, `1h`,
 * `500ms`. Undefined for anything else (a bare number is ambiguous: seconds or minutes?).
 */
export const parseDuration = (text: string): number | undefined => {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(trimmed)) return undefined;
  let total = 0;
  for (const [, amount, , unit] of trimmed.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) total += Number(amount) * UNIT_MS[unit!]!;
  return total;
};

/** The shortest way to write a duration back: 120000 → "2m", 90000 → "1m30s", 1500 → "1.5s". */
export const formatDuration = (ms: number): string => {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  if (minutes >= 60 && seconds === 0 && minutes % 60 === 0) return `${minutes / 60}h`;
  return seconds === 0 ? `${minutes}m` : `${minutes}m${seconds}s`;
};
