import { performance } from 'node:perf_hooks';

/** What became of a shopper that came to the barrier with its request ready. */
export type BarrierOutcome<T> = { sent: Promise<T> } | { late: true } | { stopped: true };

/**
 * Holds shoppers until every one expected has arrived or left, then sends all their requests from one
 * synchronous loop: the same tick, so they collide at the store as a flash sale's shoppers do. It never
 * waits past its deadline (those present then go; later ones are late) nor past a stop (nobody goes).
 */
export class Barrier<T> {
  readonly #waiting: { send: () => Promise<T>; resolve: (outcome: BarrierOutcome<T>) => void }[] = [];
  #pending: number;
  #opened = false;
  #timedOut = false;
  #sentCount = 0;
  #firstSentAt: number | undefined;
  #lastSentAt: number | undefined;
  readonly #timer: NodeJS.Timeout;
  readonly #signal: AbortSignal;
  readonly #onAbort = (): void => this.#stop();

  constructor(expected: number, timeoutMs: number, signal: AbortSignal) {
    this.#pending = expected;
    this.#signal = signal;
    this.#timer = setTimeout(() => {
      this.#timedOut = true;
      this.#open();
    }, timeoutMs);
    signal.addEventListener('abort', this.#onAbort, { once: true });
    if (signal.aborted) this.#stop();
    else if (expected <= 0) this.#open();
  }

  /** Waits with `send` ready; it is called when the barrier opens, with everyone else's. */
  arrive(send: () => Promise<T>): Promise<BarrierOutcome<T>> {
    if (this.#signal.aborted) return Promise.resolve({ stopped: true });
    if (this.#opened) return Promise.resolve({ late: true });
    const outcome = new Promise<BarrierOutcome<T>>((resolve) => this.#waiting.push({ send, resolve }));
    this.#pending -= 1;
    if (this.#pending <= 0) this.#open();
    return outcome;
  }

  /** A shopper that will not come (it failed on the way): one fewer to wait for. */
  leave(): void {
    if (this.#opened) return;
    this.#pending -= 1;
    if (this.#pending <= 0) this.#open();
  }

  get timedOut(): boolean {
    return this.#timedOut;
  }

  /** Requests sent when it opened. */
  get sent(): number {
    return this.#sentCount;
  }

  /** Milliseconds between the first and the last send, 0 when fewer than two went. */
  get spreadMs(): number {
    return this.#firstSentAt === undefined || this.#lastSentAt === undefined ? 0 : this.#lastSentAt - this.#firstSentAt;
  }

  #open(): void {
    if (this.#opened) return;
    this.#opened = true;
    this.#detach();
    const waiting = this.#waiting.splice(0);
    for (const shopper of waiting) {
      const at = performance.now();
      this.#firstSentAt ??= at;
      this.#lastSentAt = at;
      this.#sentCount += 1;
      shopper.resolve({ sent: shopper.send() });
    }
  }

  #stop(): void {
    this.#opened = true;
    this.#detach();
    for (const shopper of this.#waiting.splice(0)) shopper.resolve({ stopped: true });
  }

  #detach(): void {
    clearTimeout(this.#timer);
    this.#signal.removeEventListener('abort', this.#onAbort);
  }
}
