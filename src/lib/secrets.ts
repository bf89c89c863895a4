const MASK = '***';

/** The words that make a variable's value a secret by its name alone: TWILIO_AUTH_TOKEN, dbPassword, API_KEYS. */
const SECRET_WORD = /^(TOKEN|SECRET|PASSWORD|KEY)S?$/;

/**
 * Whether an environment variable's name says it holds a secret: one of its words (split at `_`, `-`,
 * `.`, digits and lower-to-upper case changes) is TOKEN, SECRET, PASSWORD or KEY, in any case.
 * A word that merely contains one (MONKEY, KEYCLOAK) says nothing.
 */
export const isSecretName = (name: string): boolean =>
  name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z]+/)
    .some((word) => SECRET_WORD.test(word.toUpperCase()));

/**
 * Every value that must never reach an output: secret fields of the profile, ${ENV} values whose
 * names say secret, tokens, cookies from recordings. Outputs pass through `redact` at the one place
 * they are written.
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
