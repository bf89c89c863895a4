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

const signed = (body: string): PlannedStep => ({ body, signature: 'valid' });

/**
 * What is sent, in order. Every sequence leaves the number subscribed (it ends with START), so the
 * next starts from a known state; evaluate checks that it did before judging the next one.
 * - opt-out: the variant, then HELP (must still be answered), then START (must re-subscribe: proof the
 *   variant opted the number out);
 * - repeat: STOP, STOP again, the first STOP replayed with its MessageSid, START;
 * - help: the keyword alone;
 * - opt-in: STOP, the keyword (one re-subscribe confirmation), the keyword again (no second one);
 * - forgery: unsigned STOP, forged STOP, signed STOP (a confirmation proves the forged ones changed
 *   nothing), forged START, signed START (a re-subscribe proves the forged START changed nothing).
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
      variantsOf(entry).map((keyword): PlannedSequence => ({ kind: 'opt-out', ...base(entry, keyword), steps: [signed(keyword), signed('HELP'), signed('START')] })),
    ),
    {
      kind: 'repeat',
      keyword: 'STOP',
      entry: 'STOP',
      grade: 'must',
      steps: [signed('STOP'), signed('STOP'), { body: 'STOP', signature: 'valid', replayOf: 0 }, signed('START')],
    },
    ...help.map((entry): PlannedSequence => ({ kind: 'help', ...base(entry, entry.text), steps: [signed(entry.text)] })),
    ...entriesFor('opt-in').map((entry): PlannedSequence => ({ kind: 'opt-in', ...base(entry, entry.text), steps: [signed('STOP'), signed(entry.text), signed(entry.text)] })),
    {
      kind: 'forgery',
      keyword: 'STOP',
      entry: 'STOP',
      grade: 'must',
      steps: [
        { body: 'STOP', signature: 'missing' },
        { body: 'STOP', signature: 'forged' },
        signed('STOP'),
        { body: 'START', signature: 'forged' },
        signed('START'),
      ],
    },
  ];
};
