/** What a subscriber means by a keyword. */
export type Intent = 'opt-out' | 'help' | 'opt-in';

/** `must`: missing it fails the audit (law or carrier rule); `should`: a warning (good practice). */
export type Grade = 'must' | 'should';

/**
 * keyword: a provider/regulator keyword, probed with case, space and punctuation variants;
 * phrase: wording a "reasonable person" uses (FCC 24-24); typo, emoji, language, unicode: the
 * forms a lenient matcher should also catch, probed exactly as written.
 */
export type EntryKind = 'keyword' | 'phrase' | 'typo' | 'emoji' | 'language' | 'unicode';

/**
 * Where an entry comes from in q4check's SMS research notes (see CORPUS_SOURCE): a source tag of their
 * list (`S16`, `S30b`), or the section (`§1.6`) when the notes propose it without a source.
 */
export type SourceRef = `S${number}${'' | 'b' | 'c' | 'd' | 'e' | 'f'}` | `§${number}.${number}`;

export interface KeywordEntry {
  /** As the subscriber types it. */
  text: string;
  intent: Intent;
  kind: EntryKind;
  grade: Grade;
  /** The grade for a Canadian number when it differs (CWTA: ARRET and AIDE are mandatory there). */
  canadaGrade?: Grade;
  /** ISO 639-1 language of a non-English word; a French keyword on a Canadian number wants a French reply. */
  language?: 'fr' | 'es' | 'pt';
  sources: SourceRef[];
}

export const gradeFor = (entry: KeywordEntry, canadian: boolean): Grade => (canadian ? (entry.canadaGrade ?? entry.grade) : entry.grade);
