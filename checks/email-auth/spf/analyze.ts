import type { DnsResponse, Lookup, RecordType } from '../../../src/dns/types.js';
import type { SpfAnalysis, SpfNodeOutcome, SpfTermNode, SpfTotals, SpfTreeNode } from './analysis-types.js';
import { ask, isDnsError, isVoid, mxExchanges, selectSpfRecord } from './dns.js';
import { identityDomainProblem, nameProblem, stripTrailingDot } from './domain.js';
import { expandDomainSpec } from './expand.js';
import { SPF_LIMITS, mechanismCostsLookup } from './limits.js';
import { macroLetters } from './macro.js';
import { parseSpfRecord } from './parse.js';
import type { MacroString, Qualifier, SpfTerm } from './types.js';

export interface AnalyzeOptions {
  signal?: AbortSignal;
  /** Records to read before the walk stops expanding (a guard against hostile trees). Default 100. */
  maxRecords?: number;
}

const DEFAULT_MAX_RECORDS = 100;

/**
 * In a static audit the sender is the audited domain itself, so %{d} (the current domain) and
 * %{o} (the sender's domain) are known; every other letter needs a real message.
 */
const STATIC_LETTERS = new Set(['d', 'o']);

interface Walk {
  lookup: Lookup;
  signal: AbortSignal | undefined;
  topDomain: string;
  maxRecords: number;
  recordsRead: number;
  /** One question per name and type, however often the tree repeats it. */
  answers: Map<string, Promise<DnsResponse>>;
  totals: Pick<SpfTotals, 'syntaxErrors' | 'loops' | 'dnsErrors' | 'macroTerms' | 'permerrors' | 'truncated'>;
}

const query = (walk: Walk, name: string, type: RecordType): Promise<DnsResponse> => {
  const key = `${type} ${name.toLowerCase()}`;
  let answer = walk.answers.get(key);
  if (!answer) {
    answer = ask(walk.lookup, name, type, walk.signal).then((response) => {
      if (isDnsError(response.outcome)) walk.totals.dnsErrors.push({ name: name.toLowerCase(), type, outcome: response.outcome });
      return response;
    });
    walk.answers.set(key, answer);
  }
  return answer;
};

type Target = { name: string } | { note: string };

/** The name a term points at, when it can be known without a message; its validity is judged by the caller. */
const staticTarget = async (walk: Walk, term: string, spec: MacroString | undefined, domain: string): Promise<Target> => {
  if (!spec) return { name: domain };
  const needs = macroLetters(spec).filter((letter) => !STATIC_LETTERS.has(letter));
  if (needs.length > 0) {
    walk.totals.macroTerms.push(term);
    const letters = needs.map((letter) => `%{${letter}}`).join(', ');
    return { note: `uses ${letters}, which only a real message (client IP, sender, HELO) can fill in: counted, not looked up` };
  }
  return { name: await expandDomainSpec(spec, (letter) => (letter === 'o' ? walk.topDomain : domain)) };
};

/** a, mx and exists on a name no DNS question can carry simply do not match (§4.8, as check_host() does). */
const unqueryable = (name: string): string | undefined => {
  const problem = nameProblem(name);
  return problem === undefined ? undefined : `"${name}" cannot be looked up (${problem}): the term never matches`;
};

const sizeOf = (text: string): number => new TextEncoder().encode(text).length;

/** How a term's own lookup ended, as the note a reader needs. */
const dnsNote = (type: RecordType, name: string, response: DnsResponse): string | undefined =>
  isDnsError(response.outcome) ? `could not check: ${type} ${name} ended in ${response.outcome}` : undefined;

const analyzeA = async (walk: Walk, node: SpfTermNode, name: string): Promise<void> => {
  const [a, aaaa] = await Promise.all([query(walk, name, 'A'), query(walk, name, 'AAAA')]);
  const trouble = dnsNote('A', name, a) ?? dnsNote('AAAA', name, aaaa);
  if (trouble) {
    node.note = trouble;
    return;
  }
  node.voidLookup = isVoid(a.outcome) && isVoid(aaaa.outcome);
  // A client's family decides which question is asked; a one-sided void is real for that family.
  if (!node.voidLookup && isVoid(a.outcome)) node.note = `${name} has no A records: a void lookup for IPv4 clients`;
  if (!node.voidLookup && isVoid(aaaa.outcome)) node.note = `${name} has no AAAA records: a void lookup for IPv6 clients`;
};

const analyzeMx = async (walk: Walk, node: SpfTermNode, name: string): Promise<void> => {
  const response = await query(walk, name, 'MX');
  const trouble = dnsNote('MX', name, response);
  if (trouble) {
    node.note = trouble;
    return;
  }
  node.voidLookup = isVoid(response.outcome);
  const hosts = mxExchanges(response).map(stripTrailingDot).filter((host) => host !== '');
  node.mxHosts = hosts.length;
  if (hosts.length > SPF_LIMITS.mxNames) {
    node.note = `${hosts.length} MX hosts: more than ${SPF_LIMITS.mxNames} makes this mx mechanism a permerror`;
    walk.totals.permerrors.push(`${node.term}: ${name} has ${hosts.length} MX hosts (at most ${SPF_LIMITS.mxNames})`);
  } else {
    node.note = `the ${hosts.length} MX hosts' address lookups do not count toward the ${SPF_LIMITS.dnsTerms}`;
  }
};

const analyzeExists = async (walk: Walk, node: SpfTermNode, name: string): Promise<void> => {
  const response = await query(walk, name, 'A');
  const trouble = dnsNote('A', name, response);
  if (trouble) node.note = trouble;
  else node.voidLookup = isVoid(response.outcome);
};

const WITHOUT_RECORD: Partial<Record<SpfNodeOutcome, string>> = {
  nxdomain: 'the name does not exist',
  nodata: 'the name has no TXT records',
  'no-spf-record': 'the name has no v=spf1 record',
  'multiple-records': 'the name has more than one v=spf1 record',
  'invalid-domain': 'the name is not a valid domain',
};

/** include and redirect: read the target's record unless it is already on the path. */
const follow = async (walk: Walk, node: SpfTermNode, name: string, path: string[]): Promise<void> => {
  const at = path.findIndex((seen) => seen.toLowerCase() === name.toLowerCase());
  if (at >= 0) {
    const cycle = [...path.slice(at), name].join(' → ');
    walk.totals.loops.push(cycle);
    walk.totals.permerrors.push(`${node.term}: loop ${cycle}`);
    node.child = { domain: name, outcome: 'loop', terms: [], note: 'already on this path: evaluation would go round until the 10-lookup limit (permerror)' };
    return;
  }
  const child = await walkDomain(walk, name, path);
  node.child = child;
  node.voidLookup = child.outcome === 'nxdomain' || child.outcome === 'nodata';
  const missing = WITHOUT_RECORD[child.outcome];
  if (missing) {
    node.note = `${missing}: ${node.kind} of it is a permerror`;
    walk.totals.permerrors.push(`${node.term}: ${missing}`);
  } else if (child.outcome !== 'found' && child.outcome !== 'not-followed') {
    node.note = `could not check: TXT ${name} ended in ${child.outcome}`;
  }
};

const analyzeTerm = async (walk: Walk, term: SpfTerm, domain: string, path: string[], hasAll: boolean): Promise<SpfTermNode> => {
  if (term.kind === 'invalid') return { term: term.text, kind: 'invalid', lookups: 0, note: term.error };
  if (term.kind === 'modifier') {
    if (term.name === 'exp') return { term: term.text, kind: 'exp', lookups: 0, note: 'looked up only after a fail; does not count toward the 10' };
    if (term.name !== 'redirect') return { term: term.text, kind: 'modifier', lookups: 0, note: 'unknown modifier: ignored' };
    // §6.1: with an "all" mechanism present redirect= is never reached, so it costs nothing.
    if (hasAll) return { term: term.text, kind: 'redirect', lookups: 0, note: 'never used: the record has an "all" mechanism' };
    const node: SpfTermNode = { term: term.text, kind: 'redirect', lookups: 1 };
    const target = await staticTarget(walk, term.text, term.value, domain);
    if ('note' in target) node.note = target.note;
    else await follow(walk, node, target.name, path);
    return node;
  }
  const { mechanism } = term;
  const node: SpfTermNode = { term: term.text, kind: mechanism.type, qualifier: term.qualifier, lookups: mechanismCostsLookup(mechanism.type) ? 1 : 0 };
  if (mechanism.type === 'all' || mechanism.type === 'ip4' || mechanism.type === 'ip6') return node;
  const target = await staticTarget(walk, term.text, mechanism.domain, domain);
  if (mechanism.type === 'ptr') {
    node.note = 'ptr is discouraged (RFC 7208 §5.5): slow and unreliable; it depends on the client address, so it is not looked up';
    return node;
  }
  if ('note' in target) {
    node.note = target.note;
    return node;
  }
  if (mechanism.type === 'include') {
    await follow(walk, node, target.name, path);
    return node;
  }
  const problem = unqueryable(target.name);
  if (problem) node.note = problem;
  else if (mechanism.type === 'a') await analyzeA(walk, node, target.name);
  else if (mechanism.type === 'mx') await analyzeMx(walk, node, target.name);
  else await analyzeExists(walk, node, target.name);
  return node;
};

const outcomeOf = (response: DnsResponse): SpfNodeOutcome => (response.outcome === 'answer' ? 'no-spf-record' : response.outcome);

const walkDomain = async (walk: Walk, rawDomain: string, path: string[]): Promise<SpfTreeNode> => {
  const domain = stripTrailingDot(rawDomain);
  const problem = identityDomainProblem(domain);
  if (problem !== undefined) return { domain, outcome: 'invalid-domain', note: problem, terms: [] };
  walk.recordsRead += 1;
  if (walk.recordsRead > walk.maxRecords) {
    walk.totals.truncated = true;
    return { domain, outcome: 'not-followed', note: `the walk stopped after ${walk.maxRecords} records`, terms: [] };
  }
  const response = await query(walk, domain, 'TXT');
  const selection = selectSpfRecord(response);
  if (selection.kind === 'multiple') return { domain, outcome: 'multiple-records', records: selection.records, terms: [] };
  if (selection.kind !== 'found') return { domain, outcome: outcomeOf(response), terms: [] };

  const node: SpfTreeNode = { domain, outcome: 'found', record: selection.text, sizeBytes: sizeOf(selection.text), terms: [] };
  const parsed = parseSpfRecord(selection.text);
  const terms = parsed.ok ? parsed.record.terms : parsed.terms;
  if (!parsed.ok) {
    node.syntaxErrors = parsed.errors.map(({ position, message, term }) => (term === undefined ? { position, message } : { position, message, term }));
    walk.totals.syntaxErrors.push(...node.syntaxErrors.map((error) => ({ domain, ...error })));
    walk.totals.permerrors.push(`${domain}: the SPF record has ${parsed.errors.length} syntax error(s)`);
  }
  const hasAll = terms.some((term) => term.kind === 'directive' && term.mechanism.type === 'all');
  for (const term of terms) node.terms.push(await analyzeTerm(walk, term, domain, [...path, domain], hasAll));
  return node;
};

const sum = (node: SpfTreeNode, pick: (term: SpfTermNode) => number): number =>
  node.terms.reduce((total, term) => total + pick(term) + (term.child ? sum(term.child, pick) : 0), 0);

/** The first "all" decides; without one, the redirect target's record does. */
const allQualifierOf = (node: SpfTreeNode): Qualifier | undefined => {
  const all = node.terms.find((term) => term.kind === 'all');
  if (all) return all.qualifier;
  const redirect = node.terms.find((term) => term.kind === 'redirect' && term.child);
  return redirect?.child ? allQualifierOf(redirect.child) : undefined;
};

const recordCountOf = (tree: SpfTreeNode): number | null => {
  if (tree.outcome === 'found') return 1;
  if (tree.outcome === 'multiple-records') return tree.records?.length ?? 0;
  return ['nxdomain', 'nodata', 'no-spf-record', 'invalid-domain'].includes(tree.outcome) ? 0 : null;
};

/**
 * The static SPF audit of a domain, with no client IP: walks the whole include/redirect tree
 * and counts what check_host() would spend on a client that no term matches early.
 */
export const analyzeSpf = async (lookup: Lookup, domain: string, options: AnalyzeOptions = {}): Promise<SpfAnalysis> => {
  const topDomain = stripTrailingDot(domain.trim());
  const walk: Walk = {
    lookup,
    signal: options.signal,
    topDomain,
    maxRecords: options.maxRecords ?? DEFAULT_MAX_RECORDS,
    recordsRead: 0,
    answers: new Map(),
    totals: { syntaxErrors: [], loops: [], dnsErrors: [], macroTerms: [], permerrors: [], truncated: false },
  };
  const tree = await walkDomain(walk, topDomain, []);
  const lookups = sum(tree, (term) => term.lookups);
  const voidLookups = sum(tree, (term) => (term.voidLookup ? 1 : 0));
  const { permerrors } = walk.totals;
  if (tree.outcome === 'multiple-records') permerrors.unshift(`${topDomain} publishes ${tree.records?.length} v=spf1 records (exactly one is allowed)`);
  if (lookups > SPF_LIMITS.dnsTerms) permerrors.push(`${lookups} DNS-querying terms (at most ${SPF_LIMITS.dnsTerms})`);
  if (voidLookups > SPF_LIMITS.voidLookups) permerrors.push(`${voidLookups} void lookups (at most ${SPF_LIMITS.voidLookups})`);
  const totals: SpfTotals = { lookups, voidLookups, recordCount: recordCountOf(tree), ...walk.totals };
  const allQualifier = allQualifierOf(tree);
  if (allQualifier) totals.allQualifier = allQualifier;
  if (tree.sizeBytes !== undefined) totals.recordSizeBytes = tree.sizeBytes;
  return { domain: topDomain, tree, totals };
};
