import type { Verdict } from '../../../src/engine/define-check.js';
import type { SequenceSeen, SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { causeOf } from './causes.js';
import { keywordMatrix, type KeywordOutcome } from './keyword-matrix.js';
import { describeReply, isConfirmation, isTrouble, replyOf } from './replies.js';

type Outcome = 'honoured' | 'ignored' | 'unreachable';

interface VariantResult {
  keyword: string;
  outcome: Outcome;
  got: string;
  /** What the neutral message right after it got: no reply from the app proves the opt-out. */
  next?: string;
  /** Why an ignored variant counts as ignored. */
  why?: string;
  cause?: string;
  /** Not honoured because the webhook answered wrongly (an error page, a second confirmation) though it did not keep texting the number. */
  wrongReply?: boolean;
}

/**
 * The variant, then a neutral message from the same (fresh) number. App mode: the variant gets one
 * confirmation; both modes: the neutral message gets no reply, or the number was not opted out.
 */
const judgeVariant = (sequence: SequenceSeen, artifact: SmsRoutingArtifact, config: SmsRoutingConfig): VariantResult => {
  const [reply, next] = sequence.exchanges.slice(0, 2).map(replyOf);
  const base = { keyword: sequence.keyword, got: describeReply(reply!), ...(next ? { next: describeReply(next) } : {}) };
  const trouble = [reply, next].find((candidate) => candidate && isTrouble(candidate));
  if (trouble) return { ...base, outcome: 'unreachable', cause: causeOf(trouble, artifact.webhook, config) };
  const answered = config.optOutHandledBy === 'app' ? isConfirmation(reply!, 'opt-out-confirmation') : reply!.state === 'silence';
  if (!answered) return { ...base, outcome: 'ignored', why: `got ${base.got}`, wrongReply: reply!.state !== 'silence' && next?.state !== 'messages' };
  return next?.state === 'messages' ? { ...base, outcome: 'ignored', why: `the next message still got ${base.next}` } : { ...base, outcome: 'honoured' };
};

const show = (keyword: string): string => JSON.stringify(keyword);

const matrixOutcome = (variant: VariantResult): KeywordOutcome => {
  if (variant.outcome === 'unreachable') return 'could not check';
  if (variant.outcome === 'honoured') return 'honoured';
  return variant.wrongReply ? 'wrong reply' : 'ignored';
};

/** One verdict per corpus entry, over all its variants: a must entry not honoured fails, a should entry warns. */
export const optOutKeywords = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const results = new Map<string, { grade: 'must' | 'should'; variants: VariantResult[] }>();
  for (const sequence of artifact.sequences) {
    if (sequence.kind !== 'opt-out') continue;
    const entry = results.get(sequence.entry) ?? { grade: sequence.grade, variants: [] };
    entry.variants.push(judgeVariant(sequence, artifact, config));
    results.set(sequence.entry, entry);
  }
  const expected =
    config.optOutHandledBy === 'app' ? 'one opt-out confirmation for every variant, then no reply to the next message' : 'no reply from the webhook (the provider confirms), then none to the next message';
  return [...results].map(([entry, { grade, variants }]): Verdict<SmsRule> => {
    const ignored = variants.filter((variant) => variant.outcome === 'ignored');
    const unreachable = variants.filter((variant) => variant.outcome === 'unreachable');
    const evidence = { grade, variants: variants.map(({ cause: _cause, why: _why, wrongReply: _wrongReply, ...variant }) => ({ ...variant })) };
    const matrix = keywordMatrix(entry, variants.map((variant) => ({ keyword: variant.keyword, outcome: matrixOutcome(variant) })), grade === 'must' ? 'fail' : 'warn');
    const base = { rule: 'opt-out-keywords', subject: entry, expected, evidence, matrix } as const;
    if (ignored.length > 0) {
      const first = ignored[0]!;
      const honoured = grade === 'must' ? 'are' : 'are (should be)';
      return {
        ...base,
        status: grade === 'must' ? 'fail' : 'warn',
        message: `${ignored.length} of ${variants.length} forms of ${show(entry)} ${honoured} not honoured; ${show(first.keyword)} ${first.why}.`,
        found: ignored.map((variant) => show(variant.keyword)).join(', '),
      };
    }
    if (unreachable.length > 0) {
      const { expected: _expected, ...unjudged } = base;
      return { ...unjudged, status: 'error', message: `Could not check ${unreachable.length} form(s) of ${show(entry)}: ${unreachable[0]!.got}.`, cause: unreachable[0]!.cause! };
    }
    return { ...base, status: 'pass', message: `All ${variants.length} forms of ${show(entry)} are honoured.`, found: `${variants.length} of ${variants.length}` };
  });
};
