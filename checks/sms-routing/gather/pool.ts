/**
 * Runs `work` over every item with at most `limit` running at once, longest first (by `size`) so the
 * lanes end together; results come back in the items' order.
 */
export const runPool = async <T, R>(items: readonly T[], limit: number, size: (item: T) => number, work: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  const queue = items.map((item, index) => ({ item, index })).sort((a, b) => size(b.item) - size(a.item) || a.index - b.index);
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) results[next.index] = await work(next.item, next.index);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
};
