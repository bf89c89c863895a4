import type { Verdict } from '../../../src/engine/define-check.js';
import type { SequenceSeen, SmsRoutingArtifact } from '../artifact.js';
import type { SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';
import { describeReply, isConfirmation, isTrouble, replyOf, startedSubscribed } from './replies.js';

type Outcome = 'honoured' | 'ignored' | 'unreachable' | 'inconclusive';

interface VariantResult {
  keyword: string;
  outcome: Outcome;
  got: string;
}

const judgeVariant = (sequence: SequenceSeen, subscribed: boolean, mode: SmsRoutingConfig['optOutHandledBy']): VariantResult => {
  const reply = replyOf(sequence.exchanges[0]!);
  const got = describeReply(reply);
  const base = { keyword: sequence.keyword, got };
  if (isTrouble(reply)) return { ...base, outcome: 'unreachable' };
  const honoured = mode === 'app' ? isConfirmation(reply, 'opt-out-confirmation') : reply.state === 'silence';
  if (honoured) return { ...base, outcome: 'honoured' };
  // Silence after a START that did not re-subscribe says nothing about this variant.
  return { ...base, outcome: !subscribed && reply.state === 'silence' ? 'inconclusive' : 'ignored' };
};

const show = (keyword: string): string => JSON.stringify(keyword);

/** One verdict per corpus entry, over all its variants: a must entry not honoured fails, a should entry warns. */
export const optOutKeywords = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  const mode = config.optOutHandledBy;
  const results = new Map<string, { grade: 'must' | 'should'; variants: VariantResult[] }>();
  artifact.sequences.forEach((sequence, index) => {
    if (sequence.kind !== 'opt-out') return;
    const entry = results.get(sequence.entry) ?? { grade: sequence.grade, variants: [] };
    // In provider mode the webhook confirms nothing, so the replies cannot show the state: assume subscribed.
    entry.variants.push(judgeVariant(sequence, mode === 'provider' || startedSubscribed(artifact.sequences, index), mode));
    results.set(sequence.entry, entry);
  });
  const expected = mode === 'app' ? 'one opt-out confirmation for every variant' : 'no reply from the webhook (the provider confirms)';
  return [...results].map(([entry, { grade, variants }]): Verdict<SmsRule> => {
    const ignored = variants.filter((variant) => variant.outcome === 'ignored');
    const unreachable = variants.filter((variant) => variant.outcome === 'unreachable');
    const inconclusive = variants.filter((variant) => variant.outcome === 'inconclusive');
    const evidence = { grade, variants: variants.map((variant) => ({ ...variant })) };
    const base = { rule: 'opt-out-keywords', subject: entry, expected, evidence } as const;
    if (ignored.length > 0) {
      const first = ignored[0]!;
      return {
        ...base,
        status: grade === 'must' ? 'fail' : 'warn',
        message: `${ignored.length} of ${variants.length} forms of ${show(entry)} ${grade === 'must' ? 'are' : 'are (should be)'} not honoured; ${show(first.keyword)} got ${first.got}.`,
        found: ignored.map((variant) => show(variant.keyword)).join(', '),
      };
    }
    if (unreachable.length > 0) {
      return { ...base, status: 'error', message: `Could not check ${unreachable.length} form(s) of ${show(entry)}: ${unreachable[0]!.got}.` };
    }
    if (inconclusive.length > 0) {
      return { ...base, status: 'warn', message: `${inconclusive.length} form(s) of ${show(entry)} could not be judged: the START before them did not re-subscribe the number (see opt-in-keywords).`, found: 'inconclusive' };
    }
    return { ...base, status: 'pass', message: `All ${variants.length} forms of ${show(entry)} are honoured.`, found: `${variants.length} of ${variants.length}` };
  });
};
