import type { Json } from '../../../src/engine/json.js';
import type { TreeNode } from '../../../src/engine/define-check.js';
import type { SpfTermNode, SpfTreeNode } from '../spf/index.js';

/** Terms that cost a lookup, lead somewhere or found nothing: the ones a reader follows to find the cost. */
const costlyTerms = (node: SpfTreeNode): SpfTermNode[] => node.terms.filter((term) => term.lookups > 0 || term.child !== undefined || term.voidLookup);

/** A term's own lookups plus everything below it through include or redirect. */
export const branchCost = (term: SpfTermNode): number => term.lookups + (term.child ? treeCost(term.child) : 0);

export const treeCost = (node: SpfTreeNode): number => node.terms.reduce((sum, term) => sum + branchCost(term), 0);

const lookupsNote = (count: number): string => `${count} lookup${count === 1 ? '' : 's'}`;

/** Each term with its cost, nested by include and redirect: where the lookups go, as JSON evidence. */
export const costTreeJson = (node: SpfTreeNode): Json => ({
  domain: node.domain,
  outcome: node.outcome,
  terms: costlyTerms(node).map((term) => ({
    term: term.term,
    lookups: term.lookups,
    ...(term.voidLookup ? { void: true } : {}),
    ...(term.mxHosts !== undefined ? { mxHosts: term.mxHosts } : {}),
    ...(term.child ? { child: costTreeJson(term.child) } : {}),
  })),
});

const termNote = (term: SpfTermNode): string =>
  [lookupsNote(branchCost(term)), ...(term.voidLookup ? ['void'] : []), ...(term.mxHosts !== undefined ? [`${term.mxHosts} MX host${term.mxHosts === 1 ? "" : "s"}`] : []), ...(term.child && term.child.outcome !== 'found' ? [term.child.outcome] : [])].join(', ');

const termNode = (term: SpfTermNode): TreeNode => {
  const children = term.child ? costlyTerms(term.child).map(termNode) : [];
  return { label: term.term, note: termNote(term), ...(children.length > 0 ? { children } : {}) };
};

/** The include tree drawn for a reader: the domain at the root, each costly term under it with what its branch costs. */
export const costTreeNode = (node: SpfTreeNode): TreeNode => ({
  label: node.domain,
  note: lookupsNote(treeCost(node)),
  children: costlyTerms(node).map(termNode),
});
