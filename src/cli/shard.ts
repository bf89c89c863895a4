import { createHash } from 'node:crypto';
import path from 'node:path';
import { UsageError } from '../lib/errors.js';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

export const parseShard = (value: unknown): Shard | undefined => {
  if (value === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(String(value));
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`--shard takes i/n with 1 ≤ i ≤ n, e.g. 2/4, not "${String(value)}"`);
  return { index, count };
};

/**
 * Whether a profile is this shard's: by a hash of its file name, so a store stays on its machine when
 * others are added or removed, and every machine of the matrix agrees without talking to the others.
 */
export const inShard = (file: string, shard: Shard): boolean =>
  createHash('sha256').update(path.basename(file)).digest().readUInt32BE(0) % shard.count === shard.index - 1;
