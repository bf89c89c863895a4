import type { SecondSample } from './types.js';

const FIELDS = ['planned', 'started', 'dropped', 'answered', 'failed', 'requests'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Counters for each second of the run in fixed typed arrays sized from the plan (its length plus the
 * longest a session can last), so memory stays flat however many requests a run sends. Anything later
 * than that is counted in the last second.
 */
export class PerSecond {
  readonly #counts: Record<Field, Uint32Array>;
  readonly #seconds: number;

  constructor(seconds: number) {
    this.#seconds = Math.max(1, Math.ceil(seconds));
    this.#counts = Object.fromEntries(FIELDS.map((field) => [field, new Uint32Array(this.#seconds)])) as Record<Field, Uint32Array>;
  }

  secondOf(ms: number): number {
    return Math.min(this.#seconds - 1, Math.max(0, Math.floor(ms / 1000)));
  }

  add(field: Field, ms: number): void {
    this.#counts[field][this.secondOf(ms)]!++;
  }

  get(field: Field, ms: number): number {
    return this.#counts[field][this.secondOf(ms)]!;
  }

  /** Seconds up to the last one with anything in it. */
  samples(): SecondSample[] {
    let last = -1;
    for (let second = 0; second < this.#seconds; second++) if (FIELDS.some((field) => this.#counts[field][second]! > 0)) last = second;
    return Array.from({ length: last + 1 }, (_, second) => ({
      second,
      planned: this.#counts.planned[second]!,
      started: this.#counts.started[second]!,
      dropped: this.#counts.dropped[second]!,
      answered: this.#counts.answered[second]!,
      failed: this.#counts.failed[second]!,
    }));
  }
}
