import type { StoreFaults } from './faults.js';

/** One request as the storefront simulator saw and answered it. */
export interface StoreRequestRecord {
  method: string;
  /** Without the query string. */
  path: string;
  /** The status sent, or `reset` when the connection was destroyed instead (`dieAfterMs`). */
  status: number | 'reset';
  /** When it arrived, in ms since the simulator started. */
  at: number;
  /** Delay added before answering (`slowDiscountMs` on cart mutations). */
  delayMs: number;
  /** The switch that decided this answer, when one did. */
  fault?: keyof StoreFaults;
}

/** The requests received, in the order they were answered: what tests assert on. */
export class StoreRequestLog {
  readonly #records: StoreRequestRecord[] = [];

  record(entry: StoreRequestRecord): void {
    this.#records.push(entry);
  }

  get entries(): readonly StoreRequestRecord[] {
    return [...this.#records];
  }

  /** Requests whose path (and status, when given) match. */
  count(path: string, status?: number | 'reset'): number {
    return this.#records.filter((entry) => entry.path === path && (status === undefined || entry.status === status)).length;
  }

  clear(): void {
    this.#records.length = 0;
  }
}
