import { SecretRegistry } from '../lib/secrets.js';

/** One process, one registry: every byte q4check writes to a terminal or a file passes through it. */
export const secrets = new SecretRegistry();

export const writeStderr = (text: string): void => {
  process.stderr.write(secrets.redact(text));
};
