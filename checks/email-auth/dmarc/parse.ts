import { colonList, parseTagList, type Tag } from '../tag-list.js';
import { parseReportUri, splitReportUris, type ReportUri } from './report-uri.js';

/**
 * DMARC policy record parser: RFC 9989 (May 2026, obsoletes RFC 7489), keeping what an RFC 7489
 * receiver still reads (pct, rf, ri, `!size`) visible as flagged values. Pure; never throws.
 */

export type Policy = 'none' | 'quarantine' | 'reject';
export type AlignmentMode = 'r' | 's';

/** A tag RFC 9989 removed: parsed for the older receivers that still honour it, never validated strictly. */
export interface RemovedTag<T> {
  raw: string;
  /** The RFC 7489 reading, or undefined when the value was not valid RFC 7489 either. */
  value: T | undefined;
  removedIn9989: true;
}

export interface DmarcRecord {
  raw: string;
  /** The policy for the domain; `none` when p= is missing (RFC 9989) or invalid. */
  p: Policy;
  pExplicit: boolean;
  /** Existing subdomains; defaults to p. */
  sp: Policy;
  spExplicit: boolean;
  /** Non-existent subdomains (RFC 9989); defaults to sp. */
  np: Policy;
  npExplicit: boolean;
  adkim: AlignmentMode;
  aspf: AlignmentMode;
  rua: ReportUri[];
  ruf: ReportUri[];
  /**
   * rua=/ruf= values that are not URIs a receiver can use (an address without mailto:): receivers
   * discard them (RFC 7489 §6.3) and send no reports there, while the rest of the record stays in force.
   */
  discardedUris: DiscardedUri[];
  /** Failure-report options (default `0`). */
  fo: string[];
  /** y: a public suffix domain; n: an organizational domain; u (default): not said. */
  psd: 'y' | 'n' | 'u';
  /** t=y asks receivers to apply the policy one level less strictly (RFC 9989 test mode). */
  t: 'y' | 'n';
  pct?: RemovedTag<number>;
  rf?: RemovedTag<string[]>;
  ri?: RemovedTag<number>;
  /** Tags RFC 9989 does not define, ignored as it requires. */
  unknownTags: string[];
  /** Every tag as written, names lower-cased. */
  tags: Tag[];
}

export interface DiscardedUri {
  tag: 'rua' | 'ruf';
  /** As written. */
  text: string;
  error: string;
}

export type DmarcIssueCode =
  | 'not-dmarc'
  | 'syntax'
  | 'duplicate-tag'
  | 'invalid-value'
  | 'missing-p'
  | 'no-policy-no-rua'
  | 'removed-in-9989'
  | 'obsolete-size-limit'
  | 'non-mailto-uri'
  | 'discarded-report-uri'
  | 'unknown-tag'
  | 'p-not-second'
  | 'fo-without-ruf';

export interface DmarcIssue {
  code: DmarcIssueCode;
  /** The tag concerned, when there is one. */
  tag?: string;
  message: string;
}

/**
 * ok=false when the text is not a DMARC record at all (no `record`) or has errors; then `record`
 * holds what remains usable, with each invalid tag at its default.
 */
export type DmarcParse =
  | { ok: true; record: DmarcRecord; warnings: DmarcIssue[]; notes: DmarcIssue[] }
  | { ok: false; record?: DmarcRecord; errors: DmarcIssue[]; warnings: DmarcIssue[]; notes: DmarcIssue[] };

/**
 * RFC 9989's record ABNF: the record starts with the version tag, name case-insensitive, value exactly
 * `DMARC1`, whitespace allowed around `=`, then a separator or the end. Receivers discard any TXT
 * record that does not, so discovery uses this same test.
 */
const VERSION = /^[vV][ \t]*=[ \t]*DMARC1[ \t]*(?:;|$)/;

export const isDmarcRecord = (text: string): boolean => VERSION.test(text);

/** Why a TXT value is not a DMARC record, when it looks like one was intended; undefined otherwise. */
export const nearMissReason = (text: string): string | undefined => {
  if (isDmarcRecord(text)) return undefined;
  if (/^\s+v\s*=\s*DMARC1/i.test(text)) return 'it starts with whitespace, so receivers ignore it';
  if (/^[vV][ \t]*=[ \t]*DMARC1/.test(text)) return 'v=DMARC1 is not followed by ";"';
  if (/^v\s*=\s*dmarc1/i.test(text)) return 'the version must be written DMARC1 in capitals';
  if (/(^|;)\s*v\s*=\s*DMARC1\s*(;|$)/i.test(text)) return 'v=DMARC1 must be the first tag';
  return undefined;
};

const POLICIES: readonly Policy[] = ['none', 'quarantine', 'reject'];
const MODES: readonly AlignmentMode[] = ['r', 's'];
const PSD_VALUES = ['y', 'n', 'u'] as const;
const T_VALUES = ['y', 'n'] as const;
const FO_VALUES = new Set(['0', '1', 'd', 's']);
const KNOWN = new Set(['v', 'p', 'sp', 'np', 'adkim', 'aspf', 'rua', 'ruf', 'fo', 'psd', 't', 'pct', 'rf', 'ri']);
const UINT32_MAX = 4_294_967_295;

interface Collector {
  errors: DmarcIssue[];
  warnings: DmarcIssue[];
  notes: DmarcIssue[];
}

type TagValues = Map<string, string>;

/** A keyword tag: the value lower-cased and checked against its allowed set, else the default. */
const keyword = <T extends string>(values: TagValues, tag: string, allowed: readonly T[], fallback: T, out: Collector): T => {
  const raw = values.get(tag);
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  const found = allowed.find((candidate) => candidate === value);
  if (found !== undefined) return found;
  out.errors.push({ code: 'invalid-value', tag, message: `${tag}=${raw} is not valid (expected ${allowed.join(', ')})` });
  return fallback;
};

const reportUris = (values: TagValues, tag: 'rua' | 'ruf', out: Collector, discarded: DiscardedUri[]): ReportUri[] => {
  const raw = values.get(tag);
  if (raw === undefined) return [];
  const uris: ReportUri[] = [];
  for (const item of splitReportUris(raw)) {
    const parsed = parseReportUri(item);
    if (!parsed.ok) {
      // A bad report address loses the reports, not the policy: receivers drop the value and apply the rest.
      discarded.push({ tag, text: item, error: parsed.error });
      out.warnings.push({ code: 'discarded-report-uri', tag, message: `${tag}: ${parsed.error}, so receivers discard it and send no reports there` });
      continue;
    }
    uris.push(parsed.uri);
    if (parsed.uri.sizeLimit !== undefined) {
      out.warnings.push({ code: 'obsolete-size-limit', tag, message: `${tag}: the !${parsed.uri.sizeLimit} size limit is obsolete in RFC 9989; RFC 7489 reporters may still drop reports over it` });
    }
    if (parsed.uri.scheme !== 'mailto') {
      out.warnings.push({ code: 'non-mailto-uri', tag, message: `${tag}: receivers are only required to support mailto:, so most ignore ${parsed.uri.uri}` });
    }
  }
  return uris;
};

const failureOptions = (values: TagValues, out: Collector): string[] => {
  const raw = values.get('fo');
  if (raw === undefined) return ['0'];
  const options = colonList(raw.toLowerCase());
  const bad = options.filter((option) => !FO_VALUES.has(option));
  if (options.length === 0 || bad.length > 0) {
    out.errors.push({ code: 'invalid-value', tag: 'fo', message: `fo=${raw} is not valid (a colon-separated list of 0, 1, d, s)` });
    return ['0'];
  }
  return options;
};

const removedTag = <T>(values: TagValues, tag: string, read: (raw: string) => T | undefined, out: Collector): RemovedTag<T> | undefined => {
  const raw = values.get(tag);
  if (raw === undefined) return undefined;
  out.warnings.push({ code: 'removed-in-9989', tag, message: `${tag}= was removed in RFC 9989 and is ignored by its receivers; RFC 7489 receivers may still apply it` });
  return { raw, value: read(raw), removedIn9989: true };
};

const readPct = (raw: string): number | undefined => (/^\d{1,3}$/.test(raw) && Number(raw) <= 100 ? Number(raw) : undefined);
const readRi = (raw: string): number | undefined => (/^\d{1,10}$/.test(raw) && Number(raw) <= UINT32_MAX ? Number(raw) : undefined);
const readRf = (raw: string): string[] | undefined => {
  const formats = colonList(raw.toLowerCase());
  return formats.length > 0 && formats.every((format) => format === 'afrf' || format === 'iodef') ? formats : undefined;
};

const policies = (values: TagValues, out: Collector): Pick<DmarcRecord, 'p' | 'pExplicit' | 'sp' | 'spExplicit' | 'np' | 'npExplicit'> => {
  const p = keyword(values, 'p', POLICIES, 'none', out);
  const sp = keyword(values, 'sp', POLICIES, p, out);
  const np = keyword(values, 'np', POLICIES, sp, out);
  const valid = (tag: string): boolean => values.has(tag) && !out.errors.some((issue) => issue.tag === tag);
  return { p, pExplicit: valid('p'), sp, spExplicit: valid('sp'), np, npExplicit: valid('np') };
};

const adviseOnPolicyTags = (tags: Tag[], record: DmarcRecord, out: Collector): void => {
  const names = tags.map((tag) => tag.name);
  if (!names.includes('p')) {
    out.warnings.push({ code: 'missing-p', tag: 'p', message: 'p= is missing: RFC 9989 receivers treat the record as p=none; RFC 7489 receivers require p= and may ignore the record' });
    if (record.rua.length === 0) {
      out.warnings.push({ code: 'no-policy-no-rua', tag: 'p', message: 'without p= and without a valid rua= URI, RFC 9989 receivers apply no DMARC processing at all (§4.10.1)' });
    }
  } else if (names[1] !== 'p') {
    out.notes.push({ code: 'p-not-second', tag: 'p', message: 'p= does not follow v= directly; RFC 9989 allows any order, but some RFC 7489 receivers expect it second' });
  }
  for (const name of new Set(names.filter((name) => !KNOWN.has(name)))) {
    out.notes.push({ code: 'unknown-tag', tag: name, message: `${name}= is not a DMARC tag and is ignored` });
  }
  if (names.includes('fo') && record.ruf.length === 0) {
    out.notes.push({ code: 'fo-without-ruf', tag: 'fo', message: 'fo= has no effect without ruf=' });
  }
};

const buildRecord = (raw: string, tags: Tag[], out: Collector): DmarcRecord => {
  const values: TagValues = new Map();
  // The first occurrence counts; duplicates are already reported as errors.
  for (const tag of tags) if (!values.has(tag.name)) values.set(tag.name, tag.value);
  const discardedUris: DiscardedUri[] = [];
  const record: DmarcRecord = {
    raw,
    ...policies(values, out),
    adkim: keyword(values, 'adkim', MODES, 'r', out),
    aspf: keyword(values, 'aspf', MODES, 'r', out),
    rua: reportUris(values, 'rua', out, discardedUris),
    ruf: reportUris(values, 'ruf', out, discardedUris),
    discardedUris,
    fo: failureOptions(values, out),
    psd: keyword(values, 'psd', PSD_VALUES, 'u', out),
    t: keyword(values, 't', T_VALUES, 'n', out),
    unknownTags: [...new Set(tags.map((tag) => tag.name).filter((name) => !KNOWN.has(name)))],
    tags,
  };
  const pct = removedTag(values, 'pct', readPct, out);
  const rf = removedTag(values, 'rf', readRf, out);
  const ri = removedTag(values, 'ri', readRi, out);
  adviseOnPolicyTags(tags, record, out);
  return { ...record, ...(pct && { pct }), ...(rf && { rf }), ...(ri && { ri }) };
};

const notDmarc = (text: string): DmarcParse => {
  const reason = nearMissReason(text) ?? 'it does not start with v=DMARC1';
  return { ok: false, errors: [{ code: 'not-dmarc', tag: 'v', message: `not a DMARC record: ${reason}` }], warnings: [], notes: [] };
};

const parse = (text: string): DmarcParse => {
  if (!isDmarcRecord(text)) return notDmarc(text);
  const out: Collector = { errors: [], warnings: [], notes: [] };
  const list = parseTagList(text, (name) => name.toLowerCase());
  for (const problem of list.problems) out.errors.push({ code: 'syntax', ...(problem.tag && { tag: problem.tag.toLowerCase() }), message: problem.message });
  for (const tag of list.duplicates) out.errors.push({ code: 'duplicate-tag', tag, message: `${tag}= appears more than once` });
  const tags = list.tags.map((tag) => ({ name: tag.name.toLowerCase(), value: tag.value }));
  const record = buildRecord(text, tags, out);
  const { errors, warnings, notes } = out;
  return errors.length === 0 ? { ok: true, record, warnings, notes } : { ok: false, record, errors, warnings, notes };
};

/** Parses the TXT value of `_dmarc.<domain>` (strings already joined). Never throws. */
export const parseDmarcRecord = (text: string): DmarcParse => {
  try {
    return parse(text);
  } catch (error) {
    // The contract is "never throws"; a bug here must surface as a finding, not crash the audit.
    return { ok: false, errors: [{ code: 'syntax', message: `the record could not be parsed (${error instanceof Error ? error.message : String(error)})` }], warnings: [], notes: [] };
  }
};
