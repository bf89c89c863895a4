import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A store judged offline: one warm-up plan and no actuals, so auditing it needs no server. */
export const writeOfflineStore = (file: string, name: string, peakDailyVolume: number, extraIps: string[] = []): string => {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    [
      'version: 1',
      `store: {name: ${name}, timezone: Europe/London}`,
      'peak: {name: Black Friday 2026, start: 2026-11-27, end: 2026-11-30}',
      'checks:',
      '  ip-warmup:',
      `    peakDailyVolume: ${peakDailyVolume}`,
      '    ips:',
      '      - {address: 198.51.100.10, start: 2026-08-24, plan: [50, 100, 200]}',
      ...extraIps.map((ip) => `      - ${ip}`),
      '',
    ].join('\n'),
  );
  return file;
};
