import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/dns/cache.js';
import { followChain, MAX_CNAME_HOPS } from '../../src/dns/chain.js';
import { InFlight } from '../../src/dns/inflight.js';
import type { Step } from '../../src/dns/interpret.js';

describe('TtlCache', () => {
  it('forgets an entry once its TTL has passed, by the injected clock', () => {
    let now = 0;
    const cache = new TtlCache<string>(() => now);
    cache.set('k', 'v', 10);
    now = 9_999;
    expect(cache.get('k')).toBe('v');
    now = 10_000;
    expect(cache.get('k')).toBeUndefined();
  });

  it('stores nothing for a TTL of zero', () => {
    const cache = new TtlCache<string>(() => 0);
    cache.set('k', 'v', 0);
    expect(cache.get('k')).toBeUndefined();
  });
});

/** A promise and the means to settle it from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe('InFlight', () => {
  it('shares one start among concurrent callers, and starts afresh once settled', async () => {
    const inflight = new InFlight<number>();
    let starts = 0;
    const gate = deferred<number>();
    const start = () => {
      starts += 1;
      return gate.promise;
    };
    const both = Promise.all([inflight.run('k', start), inflight.run('k', start)]);
    gate.resolve(42);
    expect(await both).toEqual([42, 42]);
    await inflight.run('k', async () => {
      starts += 1;
      return 1;
    });
    expect(starts).toBe(2);
  });

  it('cancels the shared work only when every caller has given up', async () => {
    const inflight = new InFlight<number>();
    let shared: AbortSignal | undefined;
    const gate = deferred<number>();
    const start = (signal: AbortSignal) => {
      shared = signal;
      return gate.promise;
    };
    const first = new AbortController();
    const second = new AbortController();
    const a = inflight.run('k', start, first.signal);
    const b = inflight.run('k', start, second.signal);
    first.abort(new Error('first gave up'));
    await expect(a).rejects.toThrow('first gave up');
    expect(shared?.aborted).toBe(false);
    second.abort(new Error('second gave up'));
    await expect(b).rejects.toThrow('second gave up');
    expect(shared?.aborted).toBe(true);
  });

  it('does not hand an abandoned exchange to a newcomer', async () => {
    const inflight = new InFlight<string>();
    const quitter = new AbortController();
    const abandoned = inflight.run('k', () => new Promise<string>(() => undefined), quitter.signal);
    quitter.abort(new Error('gone'));
    await expect(abandoned).rejects.toThrow('gone');
    expect(await inflight.run('k', async () => 'fresh')).toBe('fresh');
  });
});

function step(name: string, response: Partial<Step['response']>, next?: string): Step {
  return { response: { name, type: 'A', outcome: 'nodata', records: [], cnames: [], ...response }, ...(next ? { next } : {}) };
}

describe('followChain', () => {
  it('carries the chain across steps and ends with the last step’s outcome', async () => {
    const steps: Record<string, Step> = {
      'a.example': step('a.example', { cnames: ['b.example'] }, 'b.example'),
      'b.example': step('b.example', {
        outcome: 'answer',
        cnames: ['c.example'],
        records: [{ name: 'c.example', type: 'A', ttl: 1, value: '192.0.2.1' }],
      }),
    };
    const response = await followChain('a.example', 'A', async (name) => steps[name] as Step);
    expect(response).toMatchObject({ name: 'a.example', outcome: 'answer', cnames: ['b.example', 'c.example'] });
  });

  it('stops a loop that spans several responses', async () => {
    const response = await followChain('a.example', 'A', async (name) =>
      name === 'a.example' ? step(name, { cnames: ['b.example'] }, 'b.example') : step(name, { cnames: ['a.example'] }, 'a.example'),
    );
    expect(response).toMatchObject({ outcome: 'error', error: 'CNAME loop: a.example → b.example → a.example' });
  });

  it(`gives up after ${MAX_CNAME_HOPS} hops`, async () => {
    let asked = 0;
    const response = await followChain('h0.example', 'A', async (name) => {
      asked += 1;
      const next = `h${Number(name.slice(1, -'.example'.length)) + 1}.example`;
      return step(name, { cnames: [next] }, next);
    });
    expect(response).toMatchObject({ outcome: 'error', error: `CNAME chain longer than ${MAX_CNAME_HOPS} hops` });
    expect(response.cnames).toHaveLength(MAX_CNAME_HOPS + 1);
    expect(asked).toBe(MAX_CNAME_HOPS + 1);
  });
});
