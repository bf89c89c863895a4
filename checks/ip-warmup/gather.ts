import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { GatherContext } from '../../src/engine/define-check.js';
import type { IpWarmupArtifact } from './artifact.js';
import type { IpWarmupConfig } from './config.js';
import { parseActuals } from './csv.js';

type Actuals = NonNullable<IpWarmupArtifact['actuals']>;

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;

/** What went wrong, short enough for a cause: Node's own message carries the absolute path, this names the file as the profile wrote it. */
const readProblem = (file: string, error: unknown): string => {
  const code = errorCode(error);
  if (code === 'ENOENT') return `${file} not found`;
  if (code === 'EACCES' || code === 'EPERM') return `${file} cannot be read (permission denied)`;
  if (code === 'EISDIR') return `${file} is a folder, not a CSV file`;
  return `${file} could not be read (${code ?? 'unknown error'})`;
};

const unreadable = (file: string, problem: string): Actuals => ({ file, error: problem, cause: `file: ${problem}` });

/**
 * Only the actuals need the file; a time limit or Ctrl-C that cuts the reading off leaves the plan rules to be
 * judged, and the actuals rules say what stopped them.
 */
const cutOff = (file: string, signal: AbortSignal): Actuals => {
  const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError';
  const problem = `${file} was not read before the check ${timedOut ? 'ran out of time' : 'was interrupted'}`;
  return { file, error: problem, cause: `${timedOut ? 'timeout' : 'interrupted'}: ${problem}` };
};

const readActuals = async (ctx: GatherContext, file: string): Promise<Actuals> => {
  ctx.progress(`reading ${file}`);
  let text: string;
  try {
    text = await readFile(resolve(ctx.profileDir, file), { encoding: 'utf8', signal: ctx.signal });
  } catch (error) {
    // A stopped run is not a fact about the file.
    if (ctx.signal.aborted) return cutOff(file, ctx.signal);
    return unreadable(file, readProblem(file, error));
  }
  ctx.logger.debug(`ip-warmup: read ${file}`);
  const parsed = parseActuals(text);
  return 'error' in parsed ? unreadable(file, `${file} ${parsed.error}`) : { file, rows: parsed.rows };
};

export const gather = async (ctx: GatherContext, config: IpWarmupConfig): Promise<IpWarmupArtifact> => ({
  actuals: config.actuals === undefined ? null : await readActuals(ctx, config.actuals),
});
