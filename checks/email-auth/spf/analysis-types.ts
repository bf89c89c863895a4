import type { DnsOutcome, RecordType } from '../../../src/dns/types.js';
import type { MechanismType, Qualifier } from './types.js';

/**
 * What was found at a name. DNS failures keep their own outcome ('servfail', 'timeout', …):
 * they mean "could not check", never "no record".
 */
export type SpfNodeOutcome =
  | 'found'
  | 'nxdomain'
  | 'nodata'
  /** TXT records exist, none is v=spf1. */
  | 'no-spf-record'
  | 'multiple-records'
  | 'invalid-domain'
  /** Already on the include/redirect path: not followed again. */
  | 'loop'
  /** Needs a client IP/sender to name, or the walk's size guard stopped here. */
  | 'not-followed'
  | Exclude<DnsOutcome, 'answer' | 'nxdomain' | 'nodata'>;

export type SpfTermKind = MechanismType | 'redirect' | 'exp' | 'modifier' | 'invalid';

export interface SpfTermNode {
  term: string;
  kind: SpfTermKind;
  qualifier?: Qualifier;
  /** Cost toward the 10 DNS-querying terms (RFC 7208 §4.6.4), this term alone. */
  lookups: number;
  /** The term's own lookup came back NXDOMAIN or empty; absent when not looked up or unknown. */
  voidLookup?: boolean;
  /** The include or redirect target's record. */
  child?: SpfTreeNode;
  /** MX hosts the mx mechanism would look up (null MX excluded); more than 10 is a permerror. */
  mxHosts?: number;
  note?: string;
}

export interface SpfTreeNode {
  domain: string;
  outcome: SpfNodeOutcome;
  /** The one v=spf1 record, when found. */
  record?: string;
  /** Every v=spf1 record, when there are several. */
  records?: string[];
  /** UTF-8 size of the record. */
  sizeBytes?: number;
  syntaxErrors?: { position: number; message: string; term?: string }[];
  note?: string;
  terms: SpfTermNode[];
}

export interface SpfSyntaxProblem {
  domain: string;
  position: number;
  message: string;
  term?: string;
}

export interface SpfTotals {
  /** DNS-querying terms over the whole tree, counted past 10: the cost of a check nothing matches early. */
  lookups: number;
  /** Void lookups over the whole tree, through include and redirect. */
  voidLookups: number;
  /** The qualifier of the "all" that ends the top record, after following redirect=; undefined when none. */
  allQualifier?: Qualifier;
  /** v=spf1 records at the top domain; null when DNS trouble hid the answer. */
  recordCount: number | null;
  recordSizeBytes?: number;
  syntaxErrors: SpfSyntaxProblem[];
  /** include/redirect cycles, e.g. "a.example → b.example → a.example". */
  loops: string[];
  /** Questions that could not be answered: the verdict is "could not check", not "missing". */
  dnsErrors: { name: string; type: RecordType; outcome: DnsOutcome }[];
  /** Terms whose target needs a real message (client IP, sender, HELO) to name: each costs one lookup, none is followed. */
  macroTerms: string[];
  /** What makes check_host() a permerror for clients no earlier term matches, independent of the client. */
  permerrors: string[];
  /** The size guard stopped the walk; lookups and voids are then lower bounds. */
  truncated: boolean;
}

export interface SpfAnalysis {
  domain: string;
  tree: SpfTreeNode;
  totals: SpfTotals;
}
