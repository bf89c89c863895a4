import { watchAbort } from './abort-watch.js';

interface Task<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * Concurrent identical questions share one network exchange. Each caller may give up on its own (its
 * signal); the exchange itself is cancelled, closing its sockets, only when every caller has given up.
 */
export class InFlight<T> {
  readonly #tasks = new Map<string, Task<T>>();

  run(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const task = this.#tasks.get(key) ?? this.#start(key, start);
    task.waiters += 1;
    if (signal === undefined) return task.promise;
    return new Promise<T>((resolve, reject) => {
      const unwatch = watchAbort(signal, () => {
        task.waiters -= 1;
        if (task.waiters === 0) {
          this.#forget(key, task);
          task.controller.abort(signal.reason);
        }
        reject(signal.reason);
      });
      task.promise.then(
        (value) => {
          unwatch();
          resolve(value);
        },
        (error: unknown) => {
          unwatch();
          reject(error);
        },
      );
    });
  }

  #start(key: string, start: (signal: AbortSignal) => Promise<T>): Task<T> {
    const controller = new AbortController();
    const task: Task<T> = { promise: start(controller.signal), controller, waiters: 0 };
    this.#tasks.set(key, task);
    // Also marks the rejection handled when every waiter has already left.
    task.promise.then(
      () => this.#forget(key, task),
      () => this.#forget(key, task),
    );
    return task;
  }

  #forget(key: string, task: Task<T>): void {
    if (this.#tasks.get(key) === task) this.#tasks.delete(key);
  }
}
