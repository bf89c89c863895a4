import { watchAbort } from './abort-watch.js';

/**
 * At most `size` questions on the wire at once. A burst of hundreds of UDP queries overflows a
 * server's receive buffer (and trips public resolvers' rate limits): the lost answers come back as
 * timeouts that would read as "could not check".
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.#free > 0) {
      this.#free -= 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        unwatch?.();
        resolve();
      };
      this.#waiting.push(grant);
      const unwatch =
        signal &&
        watchAbort(signal, () => {
          this.#waiting.splice(this.#waiting.indexOf(grant), 1);
          reject(signal.reason);
        });
    });
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free += 1;
  }
}
