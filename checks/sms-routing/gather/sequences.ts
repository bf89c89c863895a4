import type { SequenceSeen } from '../artifact.js';
import { entriesFor, gradeFor, variantsOf, type KeywordEntry } from '../keywords/index.js';

/** One step of a planned sequence: a Body, how it is signed, and whether it replays an earlier step. */
export interface PlannedStep {
  body: string;
  signature: 'valid' | 'missing' | 'forged';
  replayOf?: number;
}

export interface PlannedSequence extends Omit<SequenceSeen, 'exchanges'> {
  steps: PlannedStep[];
}

/**
 * What a subscribed shopper sends that is no keyword: after an opt-out the app must not answer it. It
 * holds no word any matcher could read as a keyword ("end", "stop", "yes").
 */
export const NEUTRAL_MESSAGE = 'Is the Black Friday sale live yet?';

const signed = (body: string): PlannedStep => ({ body, signature: 'valid' });

/**
 * What is sent, in order within each sequence. Every sequence has a simulated shopper number of its own
 * that the store has never seen, so it starts subscribed whatever another sequence did: a defect is
 * caught by its rule and leaves the others alone.
 * - opt-out: the variant, then a neutral message (no reply from the app proves the opt-out); plain STOP
 *   then sends HELP, which must still be answered;
 * - repeat: STOP, STOP again, the first STOP replayed with its MessageSid;
 * - help: the keyword alone;
 * - opt-in: STOP, the keyword (one re-subscribe confirmation), the keyword again (no second one);
 * - forgery: unsigned STOP, forged STOP, signed STOP (a confirmation proves the forged ones changed
 *   nothing), forged START, then a neutral message (no reply proves the forged START changed nothing).
 */
export const planSequences = (canadian: boolean): PlannedSequence[] => {
  const base = (entry: KeywordEntry, keyword: string) => ({
    keyword,
    entry: entry.text,
    grade: gradeFor(entry, canadian),
    ...(entry.language ? { language: entry.language } : {}),
  });
  const help = entriesFor('help').filter((entry) => canadian || entry.language === undefined);
  return [
    ...entriesFor('opt-out').flatMap((entry) =>
      variantsOf(entry).map((keyword): PlannedSequence => ({
        kind: 'opt-out',
        ...base(entry, keyword),
        steps: [signed(keyword), signed(NEUTRAL_MESSAGE), ...(keyword === 'STOP' ? [signed('HELP')] : [])],
      })),
    ),
    {
      kind: 'repeat',
      keyword: 'STOP',
      entry: 'STOP',
      grade: 'must',
      steps: [signed('STOP'), signed('STOP'), { body: 'STOP', signature: 'valid', replayOf: 0 }],
    },
    ...help.map((entry): PlannedSequence => ({ kind: 'help', ...base(entry, entry.text), steps: [signed(entry.text)] })),
    ...entriesFor('opt-in').map((entry): PlannedSequence => ({ kind: 'opt-in', ...base(entry, entry.text), steps: [signed('STOP'), signed(entry.text), signed(entry.text)] })),
    {
      kind: 'forgery',
      keyword: 'STOP',
      entry: 'STOP',
      grade: 'must',
      steps: [{ body: 'STOP', signature: 'missing' }, { body: 'STOP', signature: 'forged' }, signed('STOP'), { body: 'START', signature: 'forged' }, signed(NEUTRAL_MESSAGE)],
    },
  ];
};
