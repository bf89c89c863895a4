import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseZone } from './zone-parser.js';
import type { Zone } from './zone-record.js';

/**
 * Loads a master file. The zone's name defaults to the file name without `.zone` (the convention Knot DNS
 * uses: `test.example.zone` holds test.example), as a server's configuration would give it.
 */
export async function loadZoneFile(file: string, origin?: string): Promise<Zone> {
  const text = await readFile(file, 'utf8');
  const base = path.basename(file);
  const implied = base.endsWith('.zone') ? base.slice(0, -'.zone'.length) : undefined;
  const zoneName = origin ?? implied;
  return parseZone(text, zoneName === undefined ? { file } : { file, origin: zoneName });
}

export function loadZoneFiles(files: string[]): Promise<Zone[]> {
  return Promise.all(files.map((file) => loadZoneFile(file)));
}
