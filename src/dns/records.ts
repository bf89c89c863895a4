import type { Answer, TxtData } from 'dns-packet';
import { normalizeName } from './names.js';
import type { DnsRecord } from './types.js';

/** A wire record in q4check's shape, or undefined for a type q4check never asks for. */
export function toDnsRecord(answer: Answer): DnsRecord | undefined {
  const name = normalizeName(answer.name);
  switch (answer.type) {
    case 'A':
    case 'AAAA':
      return { name, type: answer.type, ttl: answer.ttl ?? 0, value: answer.data };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { name, type: answer.type, ttl: answer.ttl ?? 0, value: normalizeName(answer.data) };
    case 'TXT':
      return { name, type: 'TXT', ttl: answer.ttl ?? 0, value: txtValue(answer.data) };
    case 'MX':
      return {
        name,
        type: 'MX',
        ttl: answer.ttl ?? 0,
        value: { preference: answer.data.preference ?? 0, exchange: normalizeName(answer.data.exchange) },
      };
    case 'SOA': {
      const soa = answer.data;
      const fields = [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum].map((field) => field ?? 0);
      const value = [normalizeName(soa.mname), normalizeName(soa.rname), ...fields].join(' ');
      return { name, type: 'SOA', ttl: answer.ttl ?? 0, value };
    }
    default:
      return undefined;
  }
}

/**
 * A TXT record's character-strings joined with nothing between them (RFC 7208 §3.3, RFC 6376 §3.6.2.2),
 * decoded as UTF-8. dns-packet hands them over as Buffer[] when decoding.
 */
export function txtValue(data: TxtData): string {
  const parts = Array.isArray(data) ? data : [data];
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part))).toString('utf8');
}
