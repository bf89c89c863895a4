import type { TreeNode } from '../engine/define-check.js';
import type { Finding } from '../engine/report.js';

export { visibleLength, wrap } from '../lib/wrap-words.js';

// Zero-width and format characters, controls, and unusual spaces: a reader cannot tell `STOP\u200b` from `STOP`.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/g;

/** Shows invisible characters as `\uXXXX`, so two subjects that print alike never look the same. */
export const showInvisible = (text: string): string =>
  text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A tree drawn with box characters, one node a line: the SPF include tree with its lookups per branch. */
export const treeLines = (node: TreeNode, prefix = '', childPrefix = ''): string[] => {
  const head = `${prefix}${node.label}${node.note ? `  (${node.note})` : ''}`;
  const children = node.children ?? [];
  return [
    head,
    ...children.flatMap((child, index) => {
      const last = index === children.length - 1;
      return treeLines(child, `${childPrefix}${last ? '└─ ' : '├─ '}`, `${childPrefix}${last ? '   ' : '│  '}`);
    }),
  ];
};

/** Findings of one rule with one status, kept together so many alike subjects read as one line. */
export interface RuleGroup {
  rule: string;
  status: Finding['status'];
  findings: Finding[];
  /** How many findings the rule has in all, whatever their status. */
  total: number;
}

/** The fewest alike subjects that collapse into one line: fewer read better one by one. */
export const COLLAPSE_AT = 3;

/** Groups findings by rule and status, in the order they first appear. */
export const groupByRule = (findings: readonly Finding[], all: readonly Finding[]): RuleGroup[] => {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    const key = `${finding.rule}\u0000${finding.status}`;
    const group = groups.get(key) ?? { rule: finding.rule, status: finding.status, findings: [], total: all.filter((other) => other.rule === finding.rule).length };
    group.findings.push(finding);
    groups.set(key, group);
  }
  return [...groups.values()];
};

/** "STOP, stop, Stop and 40 more": enough subjects to recognise the group. */
export const someSubjects = (findings: readonly Finding[], shown = 3): string => {
  const names = findings.slice(0, shown).map((finding) => showInvisible(finding.subject));
  const rest = findings.length - names.length;
  return rest > 0 ? `${names.join(', ')} and ${rest} more` : names.join(', ');
};

/** Could-not-check findings keyed by their cause, in report order. */
export const findingsByCause = (findings: readonly Finding[]): Map<string, Finding[]> => {
  const byCause = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.status !== 'error') continue;
    const cause = finding.cause ?? 'check: no cause given';
    byCause.set(cause, [...(byCause.get(cause) ?? []), finding]);
  }
  return byCause;
};
