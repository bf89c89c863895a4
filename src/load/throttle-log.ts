import type { Exchange, ThrottleForm, ThrottleSeen } from './types.js';

/** Retry-After in seconds, when the answer gives it as a number (the form throttling answers use). */
const retryAfterSeconds = (headers: Exchange['headers']): number | undefined => {
  const raw = headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
};

/** Throttling seen, one entry per form and step: when it began and how often. */
export class ThrottleLog {
  readonly #seen = new Map<string, ThrottleSeen>();

  /** Classifies the exchange and records it; true when it was throttled. */
  note(exchange: Exchange, classify: ((exchange: Exchange) => ThrottleForm | undefined) | undefined): boolean {
    const form = classify?.(exchange);
    if (form === undefined) return false;
    const key = `${form}\u0000${exchange.journey}\u0000${exchange.step.name}`;
    const entry = this.#seen.get(key);
    if (entry) {
      entry.count++;
      return true;
    }
    const retryAfter = retryAfterSeconds(exchange.headers);
    this.#seen.set(key, {
      form,
      journey: exchange.journey,
      step: exchange.step.name,
      count: 1,
      firstAtMs: Math.round(exchange.atMs),
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
    });
    return true;
  }

  result(): ThrottleSeen[] {
    return [...this.#seen.values()].sort((a, b) => a.firstAtMs - b.firstAtMs);
  }
}
