type Watcher = { run: () => void };

const watchersOf = new WeakMap<AbortSignal, Set<Watcher>>();

/**
 * Runs `onAbort` once when `signal` aborts; returns how to stop watching. Node's EventTarget compares a
 * new listener with every one already registered, so a thousand questions each listening on the run's
 * one signal cost half a million comparisons: here a signal gets one listener, and a watcher a Set entry.
 */
export function watchAbort(signal: AbortSignal, onAbort: () => void): () => void {
  let watchers = watchersOf.get(signal);
  if (watchers === undefined) {
    const created = new Set<Watcher>();
    watchersOf.set(signal, created);
    const runAll = (): void => {
      watchersOf.delete(signal);
      for (const watcher of created) watcher.run();
      created.clear();
    };
    signal.addEventListener('abort', runAll, { once: true });
    watchers = created;
  }
  // An object per call, so the same function watched twice runs twice and is unwatched once.
  const watcher: Watcher = { run: onAbort };
  const set = watchers;
  set.add(watcher);
  return () => {
    set.delete(watcher);
  };
}
