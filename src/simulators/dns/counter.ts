import { normalizeName } from '../../dns/names.js';

export type Transport = 'udp' | 'tcp';

export interface CountFilter {
  name?: string;
  type?: string;
  transport?: Transport;
}

/** Queries received, by name, type and transport: what tests and benchmarks assert on. */
export class QueryCounter {
  readonly #counts = new Map<string, { name: string; type: string; transport: Transport; count: number }>();

  record(asked: string, type: string, transport: Transport): void {
    const name = normalizeName(asked);
    const key = `${transport} ${type} ${name}`;
    const entry = this.#counts.get(key) ?? { name, type, transport, count: 0 };
    entry.count += 1;
    this.#counts.set(key, entry);
  }

  /** Queries matching every given field; the name is compared case-insensitively, without the trailing dot. */
  count(filter: CountFilter = {}): number {
    const name = filter.name === undefined ? undefined : normalizeName(filter.name);
    let total = 0;
    for (const entry of this.#counts.values()) {
      if (name !== undefined && entry.name !== name) continue;
      if (filter.type !== undefined && entry.type !== filter.type.toUpperCase()) continue;
      if (filter.transport !== undefined && entry.transport !== filter.transport) continue;
      total += entry.count;
    }
    return total;
  }

  get total(): number {
    return this.count();
  }

  reset(): void {
    this.#counts.clear();
  }
}
