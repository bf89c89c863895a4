import type { DnsOutcome, Lookup } from '../../../src/dns/types.js';
import { isQueryableName } from '../domains.js';
import { isDmarcRecord, nearMissReason, parseDmarcRecord, type DmarcParse } from './parse.js';

/** What `_dmarc.<domain>` held, as RFC 9989 §4.10 steps 1–2 read it. */
export interface DmarcQuery {
  /** The domain whose policy was asked for. */
  domain: string;
  /** `_dmarc.<domain>`. */
  name: string;
  /** False when the name is too long to exist (RFC 1035), so it was not asked. */
  queried: boolean;
  outcome: DnsOutcome;
  /** For servfail/refused/timeout/error. */
  error?: string;
  cnames: string[];
  /** TXT values that are DMARC records; more than one means receivers discard them all. */
  records: string[];
  /** The one record a receiver uses, when there is exactly one. */
  record?: string;
  parsed?: DmarcParse;
  /** psd= of that record ('u' when absent or invalid). */
  psd?: 'y' | 'n' | 'u';
  /** TXT values that are not DMARC records and were ignored. */
  ignored: string[];
  /** Ignored values that look like a broken attempt at a DMARC record, with why receivers skip them. */
  nearMisses: { text: string; reason: string }[];
}

export const hasSingleRecord = (query: DmarcQuery): query is DmarcQuery & { record: string; parsed: DmarcParse } =>
  query.record !== undefined && query.parsed !== undefined;

const notAsked = (domain: string, name: string): DmarcQuery => ({
  domain,
  name,
  queried: false,
  outcome: 'nxdomain',
  cnames: [],
  records: [],
  ignored: [],
  nearMisses: [],
});

/** Asks for `_dmarc.<domain>` TXT and sorts the answer. Rejects only when `signal` aborts. */
export const queryDmarc = async (lookup: Lookup, domain: string, signal?: AbortSignal): Promise<DmarcQuery> => {
  const name = `_dmarc.${domain}`;
  if (!isQueryableName(name)) return notAsked(domain, name);
  const response = await lookup.query(name, 'TXT', signal);
  const values = response.outcome === 'answer' ? response.records.flatMap((record) => (record.type === 'TXT' ? [record.value] : [])) : [];
  const records = values.filter(isDmarcRecord);
  const ignored = values.filter((value) => !isDmarcRecord(value));
  const nearMisses = ignored.flatMap((text) => {
    const reason = nearMissReason(text);
    return reason === undefined ? [] : [{ text, reason }];
  });
  const query: DmarcQuery = {
    domain,
    name,
    queried: true,
    outcome: response.outcome,
    ...(response.error !== undefined && { error: response.error }),
    cnames: response.cnames,
    records,
    ignored,
    nearMisses,
  };
  const [only] = records;
  if (only === undefined || records.length > 1) return query;
  const parsed = parseDmarcRecord(only);
  return { ...query, record: only, parsed, psd: parsed.record?.psd ?? 'u' };
};
