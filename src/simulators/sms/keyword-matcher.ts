/**
 * The simulated store's keyword recognition, written from the providers' and carriers' documents and
 * not from q4check's corpus, so that a mistake in the corpus shows up as a disagreement in a test:
 * - Twilio's reserved keywords: STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT;
 *   START, YES, UNSTOP; HELP, INFO.
 * - FCC 24-24 (47 CFR 64.1200(a)(10)): "stop", "quit", "end", "revoke", "opt out", "cancel" and
 *   "unsubscribe" revoke consent wherever they stand in a reply, and so does any wording a reasonable
 *   person would read as revocation; CompliancePoint's reading adds typos and other languages.
 * - CTIA and CWTA: ARRET and AIDE in French on Canadian numbers; other providers' defaults (AWS REMOVE,
 *   Telnyx "stop all", Bird's multilingual sets: DETENER, PARAR, AYUDA).
 * A lenient matcher: a text that begins with an opt-out word opts out (as AWS matches), and so does one
 * holding a revocation phrase; HELP and START words must be the whole text. A question that merely
 * ends with "end" is not an opt-out. Case, spacing, punctuation, accents, full width and
 * zero-width characters are ignored.
 */

export type KeywordIntent = 'opt-out' | 'help' | 'opt-in';

export interface RecognizedKeyword {
  intent: KeywordIntent;
  /** French keywords are answered in French on a Canadian number (CWTA). */
  french: boolean;
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}\p{Extended_Pictographic}]+/gu;

/** Full width to ASCII, no zero-width characters or accents, punctuation as spaces, single-spaced, upper case. */
export const normalizeKeyword = (text: string): string =>
  text.normalize('NFKC').replace(ZERO_WIDTH, '').normalize('NFD').replace(MARKS, '').replace(NOT_WORD, ' ').trim().toUpperCase();

const OPT_OUT_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'REMOVE', 'ARRET', 'ARRETE', 'PARAR', 'DETENER', 'ALTO', 'BAJA', 'CANCELAR', 'HALT']);
const FRENCH_OPT_OUT = new Set(['ARRET', 'ARRETE']);
/** Wording a reasonable person reads as "stop texting me", beyond the single words above. */
const OPT_OUT_PHRASES = ['PLEASE STOP', 'OPT OUT', 'NO MAS', 'TAKE ME OFF', 'WRONG NUMBER'];
/** The stop-sign emoji says what the word does. */
const STOP_SIGN = '\u{1F6D1}';
const HELP_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['HELP', false],
  ['INFO', false],
  ['AIDE', true],
  ['AYUDA', false],
]);
const OPT_IN_WORDS = new Set(['START', 'YES', 'UNSTOP', 'SUBSCRIBE', 'JOIN']);

/** Two neighbouring letters swapped ("STPO"): the fuzzy opt-out some platforms offer. */
const isSwapOf = (word: string, target: string): boolean => {
  if (word.length !== target.length || word === target) return false;
  const differ = [...word].flatMap((letter, index) => (letter === target[index] ? [] : [index]));
  return differ.length === 2 && differ[1] === differ[0]! + 1 && word[differ[0]!] === target[differ[1]!] && word[differ[1]!] === target[differ[0]!];
};

const optOutIn = (normalized: string): RecognizedKeyword | undefined => {
  const [word = ''] = normalized.split(' ');
  if (OPT_OUT_WORDS.has(word) || isSwapOf(word, 'STOP')) return { intent: 'opt-out', french: FRENCH_OPT_OUT.has(word) };
  const padded = ` ${normalized} `;
  if (OPT_OUT_PHRASES.some((phrase) => padded.includes(` ${phrase} `)) || normalized.includes(STOP_SIGN)) return { intent: 'opt-out', french: false };
  return undefined;
};

export interface MatchOptions {
  caseSensitiveStop: boolean;
}

/** What the message asks for, if it is a keyword. */
export const recognizeKeyword = (body: string, options: MatchOptions): RecognizedKeyword | undefined => {
  const normalized = normalizeKeyword(body);
  const optOut = optOutIn(normalized);
  if (optOut) return options.caseSensitiveStop && body !== 'STOP' ? undefined : optOut;
  const help = HELP_WORDS.get(normalized);
  if (help !== undefined) return { intent: 'help', french: help };
  return OPT_IN_WORDS.has(normalized) ? { intent: 'opt-in', french: false } : undefined;
};
