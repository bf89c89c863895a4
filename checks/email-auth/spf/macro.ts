import { TOPLABEL } from './domain.js';
import { printable } from './printable.js';
import type { MacroLetter, MacroPart, MacroString } from './types.js';

/**
 * Where a macro-string appears decides what it may hold (RFC 7208 §7.1):
 * - `domain`: a domain-spec; c, r and t are "allowed only in exp text".
 * - `explanation`: the TXT record an exp= points at; spaces allowed, all letters.
 * - `modifier`: an unknown modifier's value; never expanded, so any letter is accepted.
 */
export type MacroContext = 'domain' | 'explanation' | 'modifier';

export type MacroParse = { ok: true; value: MacroString } | { ok: false; offset: number; length: number; message: string };

const ALL_LETTERS = 'slodiphcrtv';
const DOMAIN_LETTERS = 'slodiphv';
const DELIMITERS = '.-+,/_=';

const isLiteral = (char: string, context: MacroContext): boolean => {
  const code = char.charCodeAt(0);
  if (context === 'explanation' && code === 0x20) return true;
  // macro-literal = %x21-24 / %x26-7E: visible ASCII, "%" excepted.
  return code >= 0x21 && code <= 0x7e && code !== 0x25;
};

type ExpandParse = { part: MacroPart; end: number } | { offset: number; length: number; message: string };

const parseExpand = (text: string, start: number, context: MacroContext): ExpandParse => {
  const next = text[start + 1];
  if (next === '%') return { part: { kind: 'escape', text: '%%', value: '%' }, end: start + 2 };
  if (next === '_') return { part: { kind: 'escape', text: '%_', value: ' ' }, end: start + 2 };
  if (next === '-') return { part: { kind: 'escape', text: '%-', value: '%20' }, end: start + 2 };
  if (next !== '{') {
    return { offset: start, length: next === undefined ? 1 : 2, message: `"%" must be followed by "{", "%", "_" or "-"` };
  }
  const close = text.indexOf('}', start + 2);
  if (close < 0) return { offset: start, length: text.length - start, message: 'macro is not closed with "}"' };
  const body = text.slice(start + 2, close);
  const match = /^([a-z])(\d*)(r?)([.\-+,/_=]*)$/i.exec(body);
  const rawLetter = match?.[1] ?? body.charAt(0);
  const letter = rawLetter.toLowerCase();
  const allowed = context === 'domain' ? DOMAIN_LETTERS : ALL_LETTERS;
  const length = close + 1 - start;
  if (!match) return { offset: start, length, message: `"%{${printable(body)}}" is not a valid macro` };
  if (!allowed.includes(letter)) {
    const why = ALL_LETTERS.includes(letter) ? ' (c, r and t are allowed only in explanation text)' : '';
    return { offset: start, length, message: `"${printable(rawLetter)}" is not a macro letter here${why}` };
  }
  const digits = match[2] ?? '';
  if (digits !== '' && Number(digits) === 0) return { offset: start, length, message: 'the number of parts to keep must not be zero' };
  const part: MacroPart = {
    kind: 'macro',
    text: text.slice(start, close + 1),
    letter: letter as MacroLetter,
    urlEscape: rawLetter !== letter,
    reverse: (match[3] ?? '') !== '',
    delimiters: match[4] || '.',
  };
  if (digits !== '') part.keep = Number(digits);
  return { part, end: close + 1 };
};

export const parseMacroString = (text: string, context: MacroContext): MacroParse => {
  const parts: MacroPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (char !== '%') {
      if (!isLiteral(char, context)) return { ok: false, offset: i, length: 1, message: `"${printable(char)}" is not allowed` };
      literal += char;
      i += 1;
      continue;
    }
    const expand = parseExpand(text, i, context);
    if (!('part' in expand)) return { ok: false, ...expand };
    if (literal !== '') parts.push({ kind: 'literal', text: literal });
    literal = '';
    parts.push(expand.part);
    i = expand.end;
  }
  if (literal !== '') parts.push({ kind: 'literal', text: literal });
  return { ok: true, value: { text, parts } };
};

/** domain-spec = macro-string domain-end; domain-end = ( "." toplabel [ "." ] ) / macro-expand */
export const parseDomainSpec = (text: string): MacroParse => {
  if (text === '') return { ok: false, offset: 0, length: 0, message: 'the domain is empty' };
  const parsed = parseMacroString(text, 'domain');
  if (!parsed.ok) return parsed;
  const last = parsed.value.parts[parsed.value.parts.length - 1];
  if (last?.kind !== 'literal') return parsed;
  const trimmed = last.text.endsWith('.') ? last.text.slice(0, -1) : last.text;
  const dot = trimmed.lastIndexOf('.');
  const toplabel = trimmed.slice(dot + 1);
  if (dot < 0 || !TOPLABEL.test(toplabel)) {
    const message =
      dot < 0
        ? `"${printable(text)}" does not end in "." and a top-level label`
        : `"${printable(toplabel)}" is not a valid top-level label (letters, digits and inner hyphens, not all digits)`;
    return { ok: false, offset: 0, length: text.length, message };
  }
  return parsed;
};

/** The macro letters a string uses, in order of first use. */
export const macroLetters = (value: MacroString): MacroLetter[] => [
  ...new Set(value.parts.flatMap((part) => (part.kind === 'macro' ? [part.letter] : []))),
];
