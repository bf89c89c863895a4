import { KEYWORD_CORPUS } from '../../../checks/sms-routing/keywords/corpus.js';
import type { KeywordEntry } from '../../../checks/sms-routing/keywords/entry.js';

/**
 * The simulated store's keyword recognition. A compliant store understands every text of q4check's
 * corpus, whatever the case, spacing, trailing punctuation, accents, width or zero-width characters;
 * the `caseSensitiveStop` defect narrows opt-out to the exact text "STOP".
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const MARKS = /\p{M}/gu;
const TRAILING_PUNCTUATION = /[.!?,;:]+$/;

/** Full-width to ASCII (NFKC), no zero-width characters or accents, trimmed, single-spaced, upper case. */
export const normalizeKeyword = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .normalize('NFD')
    .replace(MARKS, '')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
    .trim()
    .replace(/\s+/g, ' ')
    .toUpperCase();

const KNOWN = new Map<string, KeywordEntry>();
for (const entry of KEYWORD_CORPUS) {
  const key = normalizeKeyword(entry.text);
  // Several spellings share a key (ARRET, ARRÊT); the first, canonical one speaks for them.
  if (!KNOWN.has(key)) KNOWN.set(key, entry);
}

export interface MatchOptions {
  caseSensitiveStop: boolean;
}

/** The keyword the whole message is, if any. */
export const recognizeKeyword = (body: string, options: MatchOptions): KeywordEntry | undefined => {
  const entry = KNOWN.get(normalizeKeyword(body));
  if (entry?.intent === 'opt-out' && options.caseSensitiveStop && body !== 'STOP') return undefined;
  return entry;
};
