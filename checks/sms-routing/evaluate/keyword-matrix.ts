import type { Matrix, MatrixTone, Verdict } from '../../../src/engine/define-check.js';
import type { SmsRule } from '../rules.js';

/** What became of a keyword sent: the columns of the keyword matrix, in reading order. */
export const KEYWORD_OUTCOMES = ['honoured', 'ignored', 'wrong reply', 'could not check'] as const;

export type KeywordOutcome = (typeof KEYWORD_OUTCOMES)[number];

export interface KeywordSent {
  /** The variant exactly as typed (" stop! "). */
  keyword: string;
  outcome: KeywordOutcome;
}

const MARK: Record<KeywordOutcome, string> = { honoured: '✓', ignored: '✗', 'wrong reply': '✗', 'could not check': '?' };

/** "all 8" reads faster than eight quoted spellings that behaved alike; a row of one keyword needs only a mark. */
const cellText = (met: readonly KeywordSent[], total: number, label: string): string => {
  if (total === 1 && met[0]!.keyword === label) return MARK[met[0]!.outcome];
  if (met.length === total && total > 1) return `all ${total}`;
  return met.map((variant) => JSON.stringify(variant.keyword)).join(' ');
};

/**
 * One row of the keyword matrix: a corpus entry (or one keyword), each outcome's cell listing the variants
 * that met it. `against` is the verdict's status when something was not honoured: a should entry only warns.
 */
export const keywordMatrix = (label: string, sent: readonly KeywordSent[], against: 'fail' | 'warn'): Matrix => {
  const tone: Record<KeywordOutcome, MatrixTone> = { honoured: 'pass', ignored: against, 'wrong reply': against, 'could not check': 'error' };
  const cells = KEYWORD_OUTCOMES.map((outcome) => {
    const met = sent.filter((variant) => variant.outcome === outcome);
    if (met.length === 0) return null;
    return { text: cellText(met, sent.length, label), tone: tone[outcome] };
  });
  return { title: 'Keyword replies', rowHeader: 'Keyword', columns: [...KEYWORD_OUTCOMES], rows: [{ label, cells }] };
};

/**
 * A verdict about one keyword with its row of the matrix, the outcome read from its status: not honoured
 * is `ignored` when the webhook stayed silent, a `wrong reply` when it answered wrongly. A skip has no row.
 */
export const withKeywordRow = (verdict: Verdict<SmsRule>, label: string, silent: boolean): Verdict<SmsRule> => {
  const { status } = verdict;
  if (status === 'skip') return verdict;
  const outcome: KeywordOutcome = status === 'pass' ? 'honoured' : status === 'error' ? 'could not check' : silent ? 'ignored' : 'wrong reply';
  return { ...verdict, matrix: keywordMatrix(label, [{ keyword: label, outcome }], status === 'warn' ? 'warn' : 'fail') };
};
