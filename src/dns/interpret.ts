import type { Answer, SoaAnswer } from 'dns-packet';
import { normalizeName } from './names.js';
import { toDnsRecord } from './records.js';
import type { DnsOutcome, DnsRecord, DnsResponse, RecordType } from './types.js';
import type { DecodedMessage } from './wire.js';

/** Negative answers without an SOA to say otherwise are remembered this long (seconds). */
export const DEFAULT_NEGATIVE_TTL = 60;

/** What one question to the network established. */
export interface Step {
  response: DnsResponse;
  /** Seconds the step may be reused; absent means never cache it (timeouts, server failures, errors). */
  ttl?: number;
  /** The response aliased the name to a target it did not resolve: ask this name next. */
  next?: string;
}

/**
 * Reads a NOERROR or NXDOMAIN reply to (name, type): follows the CNAME chain inside the answer section and
 * classifies what is at its end.
 */
export function interpret(message: DecodedMessage, name: string, type: RecordType): Step {
  const answers = (message.answers ?? []).filter((answer) => answer.type !== 'OPT' && (answer.class ?? 'IN') === 'IN');
  const cnames: string[] = [];
  const aliasTtls: number[] = [];
  let current = name;
  for (;;) {
    const matching = answers.filter((answer) => answer.type === type && normalizeName(answer.name) === current);
    if (matching.length > 0) {
      const records = matching.map(toDnsRecord).filter((record): record is DnsRecord => record !== undefined);
      const ttl = Math.min(...aliasTtls, ...records.map((record) => record.ttl));
      return { response: { name, type, outcome: 'answer', records, cnames }, ttl };
    }
    const alias = answers.find((answer) => answer.type === 'CNAME' && normalizeName(answer.name) === current);
    if (alias?.type !== 'CNAME') break;
    const target = normalizeName(alias.data);
    if (target === name || cnames.includes(target)) {
      const error = `CNAME loop: ${[name, ...cnames, target].join(' → ')}`;
      return { response: { name, type, outcome: 'error', records: [], cnames, error } };
    }
    cnames.push(target);
    aliasTtls.push(alias.ttl ?? 0);
    current = target;
  }

  const soa = (message.authorities ?? []).find(isSoa);
  const negative = (outcome: DnsOutcome): Step => ({
    response: { name, type, outcome, records: [], cnames },
    ttl: Math.min(negativeTtl(soa), ...aliasTtls),
  });
  if (message.rcode === 'NXDOMAIN') return negative('nxdomain');
  // An alias whose target the server neither resolved nor denied (no SOA): the target lives elsewhere.
  if (cnames.length > 0 && soa === undefined) {
    return { response: { name, type, outcome: 'nodata', records: [], cnames }, ttl: Math.min(...aliasTtls), next: current };
  }
  return negative('nodata');
}

/** RFC 2308 §5: a negative answer lives for the lesser of the SOA's TTL and its MINIMUM field. */
export function negativeTtl(soa: SoaAnswer | undefined): number {
  if (!soa) return DEFAULT_NEGATIVE_TTL;
  return Math.min(soa.ttl ?? 0, soa.data.minimum ?? 0);
}

function isSoa(answer: Answer): answer is SoaAnswer {
  return answer.type === 'SOA';
}
