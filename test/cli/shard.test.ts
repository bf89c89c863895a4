import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from '../../src/cli/shard.js';
import type { IndexEntry } from '../../src/report/store-index.js';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.js';
import { writeOfflineStore } from '../helpers/offline-store.js';

const FILES = Array.from({ length: 40 }, (_, i) => `clients/store-${i}.yaml`);

describe('--shard i/n', () => {
  it.each([2, 3, 7])('with %i shards every profile is in exactly one, whatever folder it is given from', (count) => {
    for (const file of FILES) {
      const shards = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(file, { index, count }));
      expect(shards).toHaveLength(1);
      expect(inShard(`elsewhere/${path.basename(file)}`, { index: shards[0]!, count })).toBe(true);
    }
  });

  it('a store keeps its shard when others are added', () => {
    const before = FILES.filter((file) => inShard(file, { index: 1, count: 3 }));
    const more = [...FILES, 'clients/new-client.yaml'].filter((file) => inShard(file, { index: 1, count: 3 }));
    expect(more.filter((file) => file !== 'clients/new-client.yaml')).toEqual(before);
  });

  it.each(['0/2', '3/2', '1/0', 'half', '1/2/3'])('refuses %s', (value) => {
    expect(() => parseShard(value)).toThrow('--shard takes i/n with 1 ≤ i ≤ n');
  });
  it('reads 2/4', () => expect(parseShard('2/4')).toEqual({ index: 2, count: 4 }));
});

describe('shards joined with report merge', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('two machines audit their shares, report merge writes every store and one index', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'q4check-shard-'));
    const stores = Array.from({ length: 6 }, (_, i) => writeOfflineStore(path.join(dir, `clients/client-${i}.yaml`), `Client ${i}`, i % 2 === 0 ? 5_000_000 : 150));
    const shards: string[] = [];
    for (const index of [1, 2]) {
      const result = await runCli(['audit', ...stores, '--today', '2026-11-20', '--shard', `${index}/2`, '--format', 'json']);
      const file = path.join(dir, `shard-${index}.json`);
      writeFileSync(file, result.stdout);
      shards.push(file);
    }
    const out = path.join(dir, 'reports/');
    const merged = await runCli(['report', 'merge', ...shards, '--format', 'markdown', '--out', out]);
    expect(merged.status).toBe(1);
    expect(readdirSync(out).filter((file) => file.startsWith('client-')).sort()).toEqual(stores.map((file) => `${path.basename(file, '.yaml')}.md`).sort());
    const index = JSON.parse(readFileSync(path.join(out, 'index.json'), 'utf8')) as { stores: IndexEntry[] };
    expect(index.stores.map((store) => store.store).sort()).toEqual(stores.map((_, i) => `Client ${i}`).sort());
  });
});
