import { describe, expect, it } from 'vitest';
import { combineObservers } from '../../src/load/observers.js';
import type { Exchange, Observer } from '../../src/load/types.js';

/** Counts shoppers and the exchanges it saw, under a label. */
const counter = (label: string): Observer<{ label: string; shoppers: number; seen: string[] }> => {
  let shoppers = 0;
  const seen: string[] = [];
  return {
    forShopper: () => {
      const shopper = shoppers++;
      return (exchange) => seen.push(`${shopper} ${exchange.path}`);
    },
    summary: () => ({ label, shoppers, seen: [...seen] }),
  };
};

const exchange = (path: string): Exchange => ({ journey: 'j', step: { name: path, method: 'GET', path }, stepIndex: 0, method: 'GET', path, headers: {}, status: 200, latencyMs: 1, atMs: 1 });

describe('combineObservers', () => {
  it('gives every observer a watch per shopper and every exchange, and returns their summaries under their names', () => {
    const combined = combineObservers({ first: counter('a'), second: counter('b') });
    const one = combined.forShopper();
    const two = combined.forShopper();
    one(exchange('/x'));
    two(exchange('/y'));
    one(exchange('/z'));
    const summary = combined.summary();
    expect(summary).toEqual({
      first: { label: 'a', shoppers: 2, seen: ['0 /x', '1 /y', '0 /z'] },
      second: { label: 'b', shoppers: 2, seen: ['0 /x', '1 /y', '0 /z'] },
    });
    // Typed per key: the summary of `first` is the counter's own type.
    expect(summary.first.label).toBe('a');
  });

  it('with no observer, watches nothing and sums up to an empty record', () => {
    const combined = combineObservers({});
    combined.forShopper()(exchange('/x'));
    expect(combined.summary()).toEqual({});
  });
});
