/**
 * Runs `work` over the items with at most `limit` at once and keeps the items' order. Once `signal`
 * is aborted no new item starts; what had started finishes and the rest are left out.
 */
export const mapBounded = async <T, R>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: { done: boolean; value?: R }[] = items.map(() => ({ done: false }));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      results[index] = { done: true, value: await work(items[index]!) };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results.filter((result) => result.done).map((result) => result.value as R);
};
