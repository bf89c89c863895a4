import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GatherContext } from '../../../src/engine/define-check.js';
import type { IpWarmupArtifact } from '../../../checks/ip-warmup/artifact.js';
import { config } from '../../../checks/ip-warmup/config.js';
import { gather } from '../../../checks/ip-warmup/gather.js';

/**
 * Every recording in fixtures/artifacts/ip-warmup is gathered again from its situation in
 * fixtures/sends/ip-warmup, so a recording that drifted from what gather makes of its file fails here.
 * REGENERATE=1 writes the recordings instead.
 */

const ARTIFACTS = fileURLToPath(new URL('../../../fixtures/artifacts/ip-warmup/', import.meta.url));
const SITUATIONS = fileURLToPath(new URL('../../../fixtures/sends/ip-warmup/', import.meta.url));

const recordings = readdirSync(ARTIFACTS).filter((file) => file.endsWith('.json')).map((file) => file.replace(/\.json$/, ''));
const folders = readdirSync(SITUATIONS, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
const regenerate = process.env.REGENERATE === '1';

/** Where each recording was gathered: its own folder, or this folder without a CSV for the unreadable file. */
const situationOf = (name: string): { profileDir: string; actuals?: string } => {
  if (name === 'no-actuals') return { profileDir: SITUATIONS };
  if (name === 'actuals-unreadable') return { profileDir: SITUATIONS, actuals: 'sends.csv' };
  return { profileDir: `${SITUATIONS}${name}`, actuals: 'sends.csv' };
};

const gatherSituation = (name: string): Promise<IpWarmupArtifact> => {
  const { profileDir, actuals } = situationOf(name);
  const ctx: GatherContext = {
    signal: new AbortController().signal,
    profileDir,
    today: '2026-11-20',
    logger: { info: () => undefined, debug: () => undefined },
    progress: () => undefined,
    addSecret: () => undefined,
    dns: { query: () => Promise.reject(new Error('ip-warmup asks no DNS')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) },
  };
  const parsed = config.parse({ peakDailyVolume: 1000, ips: [{ address: '198.51.100.20', start: '2026-11-06', plan: [1000] }], ...(actuals ? { actuals } : {}) });
  return gather(ctx, parsed);
};

/** One row per line, so a recording reads like its CSV and diffs line by line. */
const stableJson = (artifact: IpWarmupArtifact): string => {
  const { actuals } = artifact;
  if (actuals === null || !('rows' in actuals)) return `${JSON.stringify(artifact, null, 2)}\n`;
  const rows = actuals.rows.map((row) => `      ${JSON.stringify(row)}`).join(',\n');
  return `{\n  "actuals": {\n    "file": ${JSON.stringify(actuals.file)},\n    "rows": [\n${rows}\n    ]\n  }\n}\n`;
};

describe('ip-warmup recordings match their situations', () => {
  it.each(regenerate ? [...new Set([...recordings, ...folders])] : recordings)('%s', async (name) => {
    const artifact = await gatherSituation(name);
    if (regenerate) writeFileSync(`${ARTIFACTS}${name}.json`, stableJson(artifact));
    const recorded = JSON.parse(readFileSync(`${ARTIFACTS}${name}.json`, 'utf8')) as unknown;
    expect(artifact).toEqual(recorded);
  });

  it('has a recording for every situation folder', () => {
    expect(folders.filter((folder) => !recordings.includes(folder))).toEqual([]);
    expect(existsSync(`${SITUATIONS}sends.csv`)).toBe(false);
  });
});
