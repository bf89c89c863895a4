const MASK = '***';

/**
 * Every value that must never reach an output: ${ENV} values, tokens, cookies from recordings.
 * Outputs pass through `redact` at the one place they are written.
 */
export class SecretRegistry {
  #values = new Set<string>();

  add(value: string): void {
    // Very short values (a port, "1") would mask ordinary text everywhere and protect nothing.
    if (value.length >= 4) this.#values.add(value);
  }

  get size(): number {
    return this.#values.size;
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const value of [...this.#values].sort((a, b) => b.length - a.length)) {
      result = result.split(value).join(MASK);
    }
    return result;
  }
}
