/** A map whose entries expire after their TTL, by an injectable clock (milliseconds). */
export class TtlCache<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** A TTL of zero or less means "do not reuse" (RFC 1035 §3.2.1), so nothing is stored. */
  set(key: string, value: V, ttlSeconds: number): void {
    if (!(ttlSeconds > 0)) return;
    this.#entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
  }
}
