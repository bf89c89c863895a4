import { stripTrailingDot, truncateLeft } from './domain.js';
import type { MacroLetter, MacroPart, MacroString } from './types.js';

/** Supplies a macro letter's raw value; %{p} needs DNS, hence the promise. */
export type MacroValues = (letter: MacroLetter) => string | Promise<string>;

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** §7.3: upper-case macro letters URL-escape every character outside the unreserved set. */
const urlEscape = (value: string): string =>
  Array.from(value)
    .map((char) =>
      UNRESERVED.test(char)
        ? char
        : Array.from(new TextEncoder().encode(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
    )
    .join('');

const escapeForSplit = (chars: string): string => chars.replace(/[-\\\]^]/g, '\\$&');

/** §7.3 transformers: split on the delimiters, optionally reverse, keep the right-hand parts, join with ".". */
const transform = (value: string, part: Extract<MacroPart, { kind: 'macro' }>): string => {
  let parts = value.split(new RegExp(`[${escapeForSplit(part.delimiters)}]`));
  if (part.reverse) parts = parts.reverse();
  if (part.keep !== undefined && part.keep < parts.length) parts = parts.slice(parts.length - part.keep);
  const joined = parts.join('.');
  return part.urlEscape ? urlEscape(joined) : joined;
};

export const expandMacroString = async (value: MacroString, values: MacroValues): Promise<string> => {
  let out = '';
  for (const part of value.parts) {
    if (part.kind === 'literal') out += part.text;
    else if (part.kind === 'escape') out += part.value;
    else out += transform(await values(part.letter), part);
  }
  return out;
};

/**
 * A domain-spec as a name to query: its trailing dot ignored and, when longer than 253
 * characters, shortened from the left (§7.3). Validity is the caller's to judge.
 */
export const expandDomainSpec = async (value: MacroString, values: MacroValues): Promise<string> =>
  truncateLeft(stripTrailingDot(await expandMacroString(value, values)));
