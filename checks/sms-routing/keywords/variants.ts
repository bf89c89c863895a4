import type { KeywordEntry } from './entry.js';

const title = (text: string): string => text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/**
 * The texts to send for one corpus entry. Platforms disagree on case, surrounding space and trailing
 * punctuation, and Twilio's own handling of "STOP." and " stop " is undocumented (research §1.6), so
 * a keyword is probed in every such form; a phrase in its common casings and with a full stop;
 * typos, emoji, other languages and Unicode forms exactly as written, since the exact code points are
 * the point. The entry's own text comes first; no text appears twice.
 */
export const variantsOf = (entry: KeywordEntry): string[] => {
  const { text } = entry;
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const forms =
    entry.kind === 'keyword'
      ? [text, upper, lower, title(text), ` ${text} `, `${text}\n`, `${text}.`, `${text}!`, ` ${lower}! `]
      : entry.kind === 'phrase'
        ? [text, lower, upper, `${text}.`]
        : [text];
  return [...new Set(forms)];
};
