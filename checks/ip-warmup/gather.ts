import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GatherContext } from '../../src/engine/define-check.js';
import type { IpWarmupArtifact } from './artifact.js';
import type { IpWarmupConfig } from './config.js';
import { parseActuals } from './csv.js';

type Actuals = NonNullable<IpWarmupArtifact['actuals']>;

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** Node's own message carries the absolute path; the report names the file as the profile wrote it. */
const describeReadError = (file: string, error: unknown): string => {
  const code = errorCode(error);
  if (code === 'ENOENT') return `${file} was not found (paths are relative to the profile's folder)`;
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read (permission denied)`;
  if (code === 'EISDIR') return `${file} is a folder, not a CSV file`;
  return `${file} could not be read (${code ?? 'unknown error'})`;
};

const readActuals = async (ctx: GatherContext, file: string): Promise<Actuals> => {
  let text: string;
  try {
    text = await readFile(resolve(ctx.profileDir, file), { encoding: 'utf8', signal: ctx.signal });
  } catch (error) {
    // A cancelled run is the engine's to report, not a fact about the file.
    if (ctx.signal.aborted) throw error;
    return { file, error: describeReadError(file, error) };
  }
  ctx.logger.debug(`ip-warmup: read ${file}`);
  const parsed = parseActuals(text);
  return 'error' in parsed ? { file, error: `${file}: ${parsed.error}` } : { file, rows: parsed.rows };
};

export const gather = async (ctx: GatherContext, config: IpWarmupConfig): Promise<IpWarmupArtifact> => ({
  actuals: config.actuals === undefined ? null : await readActuals(ctx, config.actuals),
});
