import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatherContext } from '../../../src/engine/define-check.js';
import { config } from '../../../checks/ip-warmup/config.js';
import { gather } from '../../../checks/ip-warmup/gather.js';

let profileDir = '';

const ctx = (signal = new AbortController().signal, progress: string[] = []): GatherContext => ({
  signal,
  profileDir,
  today: '2026-11-20',
  logger: { info: () => undefined, debug: () => undefined },
  dns: { query: () => Promise.reject(new Error('ip-warmup asks no DNS')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) },
  progress: (text) => progress.push(text),
  addSecret: () => undefined,
});

const withActuals = (actuals?: string) =>
  config.parse({ peakDailyVolume: 1000, ips: [{ address: '198.51.100.10', start: '2026-09-01', plan: [500, 1000] }], ...(actuals ? { actuals } : {}) });

beforeAll(async () => {
  profileDir = await mkdtemp(join(tmpdir(), 'q4check-ip-warmup-'));
  await mkdir(join(profileDir, 'sends'));
  await writeFile(join(profileDir, 'sends', 'good.csv'), 'date,ip,sent,bounced,complaints\r\n2026-09-01,198.51.100.10,500,6,0\r\n2026-09-02,198.51.100.10,990,11,1\r\n');
  await writeFile(join(profileDir, 'sends', 'bad.csv'), 'date,ip,sent,bounced,complaints\n2026-09-01,198.51.100.10,500,6,0\n2026-09-02,198.51.100.10,lots,11,1\n');
});

afterAll(async () => {
  await rm(profileDir, { recursive: true, force: true });
});

describe('ip-warmup gather', () => {
  it('leaves actuals null when the profile names no file', async () => {
    expect(await gather(ctx(), withActuals())).toEqual({ actuals: null });
  });

  it('reads a CSV relative to the profile folder', async () => {
    const artifact = await gather(ctx(), withActuals('sends/good.csv'));
    expect(artifact).toEqual({
      actuals: {
        file: 'sends/good.csv',
        rows: [
          { date: '2026-09-01', ip: '198.51.100.10', sent: 500, bounced: 6, complaints: 0 },
          { date: '2026-09-02', ip: '198.51.100.10', sent: 990, bounced: 11, complaints: 1 },
        ],
      },
    });
    expect(JSON.parse(JSON.stringify(artifact))).toEqual(artifact);
  });

  it('records a missing file with a cause naming the file as the profile gave it', async () => {
    const artifact = await gather(ctx(), withActuals('./sends/missing.csv'));
    expect(artifact.actuals).toEqual({
      file: './sends/missing.csv',
      error: './sends/missing.csv not found',
      cause: 'file: ./sends/missing.csv not found',
    });
    expect(JSON.stringify(artifact)).not.toContain(profileDir);
    expect(JSON.parse(JSON.stringify(artifact))).toEqual(artifact);
  });

  it('records a folder given as the file with its cause', async () => {
    const artifact = await gather(ctx(), withActuals('sends'));
    expect(artifact.actuals).toEqual({ file: 'sends', error: 'sends is a folder, not a CSV file', cause: 'file: sends is a folder, not a CSV file' });
  });

  it('records a malformed file with the line in its cause', async () => {
    const artifact = await gather(ctx(), withActuals('sends/bad.csv'));
    expect(artifact.actuals).toEqual({
      file: 'sends/bad.csv',
      error: 'sends/bad.csv line 3: sent "lots" is not a whole number of messages',
      cause: 'file: sends/bad.csv line 3: sent "lots" is not a whole number of messages',
    });
  });

  it('says on the spinner which file it reads', async () => {
    const progress: string[] = [];
    await gather(ctx(undefined, progress), withActuals('sends/good.csv'));
    expect(progress).toEqual(['reading sends/good.csv']);
  });

  it('hands back an interrupted reading as cut off, not as a fault of the file', async () => {
    const controller = new AbortController();
    controller.abort();
    const artifact = await gather(ctx(controller.signal), withActuals('sends/good.csv'));
    expect(artifact.actuals).toEqual({
      file: 'sends/good.csv',
      error: 'sends/good.csv was not read before the check was interrupted',
      cause: 'interrupted: sends/good.csv was not read before the check was interrupted',
    });
  });

  it('hands back a reading cut off by the time limit with a timeout cause', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('exceeded 1 ms', 'TimeoutError'));
    const artifact = await gather(ctx(controller.signal), withActuals('sends/good.csv'));
    expect(artifact.actuals).toMatchObject({ cause: 'timeout: sends/good.csv was not read before the check ran out of time' });
  });
});
