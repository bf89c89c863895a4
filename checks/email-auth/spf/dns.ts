import type { DnsOutcome, DnsResponse, Lookup, RecordType } from '../../../src/dns/types.js';
import { isSpfRecordText } from './parse.js';

/** RFC 7208 §4.6.4: a void lookup is an answer with no records or a "Name Error". */
export const isVoid = (outcome: DnsOutcome): boolean => outcome === 'nxdomain' || outcome === 'nodata';

/** Anything other than an answer or a void: the question could not be answered. */
export const isDnsError = (outcome: DnsOutcome): boolean => outcome !== 'answer' && !isVoid(outcome);

/**
 * The Lookup contract says it never rejects except on abort; a broken one must still not turn an
 * SPF verdict into a crash, so anything else it throws becomes an 'error' outcome.
 */
export const ask = async (lookup: Lookup, name: string, type: RecordType, signal?: AbortSignal): Promise<DnsResponse> => {
  try {
    return await lookup.query(name, type, signal);
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = error instanceof Error ? error.message : String(error);
    return { name: name.toLowerCase(), type, outcome: 'error', records: [], cnames: [], error: message };
  }
};

/** Values of the records of one type in an answer; names lose their trailing dot. */
export const recordValues = (response: DnsResponse): string[] =>
  response.outcome === 'answer'
    ? response.records.flatMap((record) => (record.type === 'MX' || typeof record.value !== 'string' ? [] : [record.value]))
    : [];

export const mxExchanges = (response: DnsResponse): string[] =>
  response.outcome === 'answer' ? response.records.flatMap((record) => (record.type === 'MX' ? [record.value.exchange] : [])) : [];

export type SpfRecordSelection =
  | { kind: 'found'; text: string }
  /** No v=spf1 record: `outcome` says whether the name or its TXT records were missing. */
  | { kind: 'none'; outcome: 'nxdomain' | 'nodata' | 'answer' }
  | { kind: 'multiple'; records: string[] }
  | { kind: 'dns-error'; outcome: DnsOutcome; error?: string };

/** §4.5: exactly one TXT record starting "v=spf1"; other TXT records are none of SPF's business. */
export const selectSpfRecord = (response: DnsResponse): SpfRecordSelection => {
  const { outcome } = response;
  if (outcome === 'nxdomain' || outcome === 'nodata') return { kind: 'none', outcome };
  if (outcome !== 'answer') return response.error === undefined ? { kind: 'dns-error', outcome } : { kind: 'dns-error', outcome, error: response.error };
  const records = recordValues(response).filter(isSpfRecordText);
  const [only] = records;
  if (only === undefined) return { kind: 'none', outcome: 'answer' };
  return records.length === 1 ? { kind: 'found', text: only } : { kind: 'multiple', records };
};
