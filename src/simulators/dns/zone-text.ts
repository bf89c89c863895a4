/** Field syntax of master files: names, TTLs, numbers, character-strings. Each returns a value or a problem. */

export type Parsed<T> = { value: T } | { problem: string };

const MAX_LABEL = 63;
const MAX_NAME = 253;

/** An owner or target name made absolute against the origin, lower-case, without the trailing dot. */
export function parseName(text: string, origin: string | undefined): Parsed<string> {
  if (text.includes('\\')) return { problem: `escapes in names are not supported: ${text}` };
  let absolute: string;
  if (text === '@') {
    if (origin === undefined) return { problem: "'@' used before any $ORIGIN" };
    absolute = origin;
  } else if (text.endsWith('.')) {
    absolute = text.slice(0, -1);
  } else {
    if (origin === undefined) return { problem: `relative name ${text} and no $ORIGIN to complete it` };
    absolute = origin === '' ? text : `${text}.${origin}`;
  }
  const name = absolute.toLowerCase();
  if (name === '') return { value: name };
  if (Buffer.byteLength(name) > MAX_NAME) return { problem: `name longer than ${MAX_NAME} characters: ${name}` };
  for (const label of name.split('.')) {
    if (label === '') return { problem: `empty label in name: ${text}` };
    if (Buffer.byteLength(label) > MAX_LABEL) return { problem: `label longer than ${MAX_LABEL} bytes: ${label}` };
  }
  return { value: name };
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A TTL or SOA timer: plain seconds, or BIND's unit form (1h30m, 2d). */
export function parseTtl(text: string): Parsed<number> {
  let seconds: number;
  if (/^\d+$/.test(text)) {
    seconds = Number(text);
  } else if (/^(\d+[smhdw])+$/i.test(text)) {
    seconds = 0;
    for (const [, amount, unit] of text.toLowerCase().matchAll(/(\d+)([smhdw])/g)) {
      seconds += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0);
    }
  } else {
    return { problem: `not a TTL: ${text}` };
  }
  return seconds <= 0x7fffffff ? { value: seconds } : { problem: `TTL over 2147483647 seconds: ${text}` };
}

export function isTtl(text: string): boolean {
  return 'value' in parseTtl(text);
}

export function parseInteger(text: string, max: number, what: string): Parsed<number> {
  if (!/^\d+$/.test(text) || Number(text) > max) return { problem: `${what} must be a whole number from 0 to ${max}, got ${text}` };
  return { value: Number(text) };
}

/**
 * The bytes of a character-string as written: `\X` is X itself (so `\"` and `\\`), `\DDD` is the byte with
 * that decimal value (RFC 1035 §5.1).
 */
export function parseCharacterString(text: string): Parsed<Buffer> {
  const bytes: Buffer[] = [];
  let plain = '';
  const flush = (): void => {
    if (plain !== '') bytes.push(Buffer.from(plain, 'utf8'));
    plain = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char !== '\\') {
      plain += char;
      continue;
    }
    const digits = /^\d{3}/.exec(text.slice(i + 1));
    if (digits) {
      const value = Number(digits[0]);
      if (value > 255) return { problem: `\\${digits[0]} is not a byte value (0-255)` };
      flush();
      bytes.push(Buffer.from([value]));
      i += 3;
    } else if (/^\d/.test(text.slice(i + 1))) {
      return { problem: `\\DDD escapes need exactly three digits: ${text}` };
    } else if (i + 1 < text.length) {
      plain += text[i + 1];
      i += 1;
    } else {
      return { problem: `a string cannot end with a lone backslash: ${text}` };
    }
  }
  flush();
  return { value: Buffer.concat(bytes) };
}
