import type { EntryKind, Grade, Intent, KeywordEntry, SourceRef } from './entry.js';

/**
 * The inbound keyword corpus q4check sends to a store's webhook: research §1.6 ("Proposed q4check
 * test corpus" and the HELP/START corpus), with the provider keyword sets of §1.5 and the grading
 * rule of §1.6: the FCC per-se words and obvious phrases are `must`; typos, emoji and other
 * languages are `should`; on a Canadian number ARRET (and AIDE, CWTA) are `must`, answered in French.
 * Nothing is added beyond what the research lists.
 */
export const CORPUS_SOURCE = 'q4check research "SMS STOP/HELP routing and IP warm-up schedules" (2026-11-25), §1.5-§1.6, §1.1';

const entry = (text: string, intent: Intent, kind: EntryKind, grade: Grade, sources: SourceRef[], extra: Partial<KeywordEntry> = {}): KeywordEntry => ({
  text,
  intent,
  kind,
  grade,
  sources,
  ...extra,
});

// FCC per-se revocation words (S5, S6, S9) and Twilio's default opt-out set with REVOKE and OPTOUT (S16).
const optOutKeywords: KeywordEntry[] = [
  entry('STOP', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('STOPALL', 'opt-out', 'keyword', 'must', ['S16']),
  entry('STOP ALL', 'opt-out', 'keyword', 'must', ['S22', 'S5']),
  entry('UNSUBSCRIBE', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('CANCEL', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('END', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('QUIT', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('REVOKE', 'opt-out', 'keyword', 'must', ['S5', 'S16']),
  entry('OPTOUT', 'opt-out', 'keyword', 'must', ['S16']),
  entry('OPT OUT', 'opt-out', 'keyword', 'must', ['S5', 'S29']),
  entry('OPT-OUT', 'opt-out', 'keyword', 'must', ['S5', 'S25']),
];

// "Reasonable person" wording (FCC 24-24, S5, S9): obvious phrases are revocations too.
const optOutPhrases: KeywordEntry[] = [
  entry('Stop texting me', 'opt-out', 'phrase', 'must', ['S5', 'S9']),
  entry('please stop', 'opt-out', 'phrase', 'must', ['S5', 'S9']),
  entry('unsubscribe me', 'opt-out', 'phrase', 'must', ['S5', 'S9']),
  entry('remove me', 'opt-out', 'phrase', 'must', ['S5', 'S9']),
  entry('take me off your list', 'opt-out', 'phrase', 'must', ['S9', 'S29']),
  entry('wrong number', 'opt-out', 'phrase', 'must', ['S9', 'S29']),
];

const optOutLenient: KeywordEntry[] = [
  entry('STPO', 'opt-out', 'typo', 'should', ['S9', 'S29']),
  entry('stpo', 'opt-out', 'typo', 'should', ['S9', 'S29']),
  entry('🛑', 'opt-out', 'emoji', 'should', ['S29']),
  entry('ARRET', 'opt-out', 'language', 'should', ['S30', 'S21', 'S24', 'S25'], { canadaGrade: 'must', language: 'fr' }),
  entry('ARRÊT', 'opt-out', 'language', 'should', ['§1.6', 'S9'], { language: 'fr' }),
  entry('arrête', 'opt-out', 'language', 'should', ['S21'], { language: 'fr' }),
  entry('PARAR', 'opt-out', 'language', 'should', ['S24'], { language: 'pt' }),
  entry('ALTO', 'opt-out', 'language', 'should', ['§1.6', 'S9'], { language: 'es' }),
  entry('BAJA', 'opt-out', 'language', 'should', ['§1.6', 'S9'], { language: 'es' }),
  entry('CANCELAR', 'opt-out', 'language', 'should', ['§1.6', 'S9'], { language: 'es' }),
  entry('DETENER', 'opt-out', 'language', 'should', ['S24'], { language: 'es' }),
  entry('NO MAS', 'opt-out', 'language', 'should', ['S9'], { language: 'es' }),
  entry('no más', 'opt-out', 'language', 'should', ['S9'], { language: 'es' }),
  entry('ＳＴＯＰ', 'opt-out', 'unicode', 'should', ['§1.6']),
  entry('STOP\u200B', 'opt-out', 'unicode', 'should', ['§1.6']),
];

// Twilio's defaults (S18) are `must`; §1.6 adds AIDE (CWTA, French), AYUDA and SUBSCRIBE.
const help: KeywordEntry[] = [
  entry('HELP', 'help', 'keyword', 'must', ['S18', 'S4']),
  entry('INFO', 'help', 'keyword', 'must', ['S18']),
  entry('AIDE', 'help', 'language', 'should', ['S30', 'S24'], { canadaGrade: 'must', language: 'fr' }),
  entry('AYUDA', 'help', 'language', 'should', ['S24'], { language: 'es' }),
];

const optIn: KeywordEntry[] = [
  entry('START', 'opt-in', 'keyword', 'must', ['S18']),
  entry('YES', 'opt-in', 'keyword', 'must', ['S18']),
  entry('UNSTOP', 'opt-in', 'keyword', 'must', ['S18', 'S17']),
  entry('SUBSCRIBE', 'opt-in', 'keyword', 'should', ['§1.6']),
];

export const KEYWORD_CORPUS: readonly KeywordEntry[] = [...optOutKeywords, ...optOutPhrases, ...optOutLenient, ...help, ...optIn];

export const entriesFor = (intent: Intent): KeywordEntry[] => KEYWORD_CORPUS.filter((candidate) => candidate.intent === intent);
