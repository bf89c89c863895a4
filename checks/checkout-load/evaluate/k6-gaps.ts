import type { Verdict } from '../../../src/engine/define-check.js';
import type { K6Missing } from '../../../src/k6/summary.js';
import type { Percentiles } from '../../../src/load/types.js';
import type { K6Source } from '../artifact.js';
import type { CheckoutLoadRule } from '../rules.js';

/** What a k6 summary lacks that a rule needs, as the missing entry; undefined when it is there (or the run was q4check's). */
export const k6Lacks = (source: K6Source | undefined, part: K6Missing['part']): K6Missing | undefined => source?.missing.find((gap) => gap.part === part);

/** The percentiles a k6 summary did not keep (summaryTrendStats): they read 0 and must not be judged. */
export const percentilesLacking = (source: K6Source | undefined): (keyof Percentiles)[] => {
  const gap = k6Lacks(source, 'latency');
  return gap && 'percentiles' in gap ? gap.percentiles : [];
};

/** A rule the summary cannot answer: could-not-check, naming the file and what to run instead. */
export const notInSummary = (rule: CheckoutLoadRule, subject: string, source: K6Source, what: string): Verdict<CheckoutLoadRule> => ({
  rule,
  subject,
  status: 'error',
  message: `${source.file} does not count ${what}, so this cannot be judged from it.`,
  cause: `file: ${source.file} is a k6 summary without ${what} (run the script q4check journey export --k6 writes)`,
});
