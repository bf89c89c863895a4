import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProfileError } from '../lib/errors.js';
import type { YamlSource } from './yaml-source.js';

/** A logo larger than this would bloat every report it is inlined into. */
const MAX_LOGO_BYTES = 256 * 1024;

const MEDIA_TYPE: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };

/**
 * `report.logo`, a local SVG or PNG relative to the profile, as a data URI: the HTML report inlines it,
 * so the report fetches nothing and stays one file.
 */
export const readLogo = async (logo: string, dir: string, source: YamlSource): Promise<string> => {
  const where = source.positionOf(['report', 'logo']);
  const mediaType = MEDIA_TYPE[path.extname(logo).toLowerCase()];
  if (!mediaType) throw new ProfileError(`${logo} is not an .svg or .png file`, where, 'report.logo');
  let bytes: Buffer;
  try {
    bytes = await readFile(path.resolve(dir, logo));
  } catch {
    throw new ProfileError(`${logo} cannot be read (the path is relative to the profile)`, where, 'report.logo');
  }
  if (bytes.length > MAX_LOGO_BYTES) throw new ProfileError(`${logo} is ${Math.ceil(bytes.length / 1024)} KB; a logo may have at most 256 KB`, where, 'report.logo');
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
};
