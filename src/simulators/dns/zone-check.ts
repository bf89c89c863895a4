import { ZoneSyntaxError } from './zone-error.js';
import type { Zone, ZoneRecord } from './zone-record.js';

/** A record and the line it was written on, so the checks can point at it. */
export interface LocatedRecord {
  record: ZoneRecord;
  line: number;
}

/**
 * The semantic rules a real server enforces when it loads a zone: one SOA, at the apex (the configured
 * origin, if any); every name inside the zone; a CNAME alone at its name (RFC 1034 §3.6.2).
 */
export function checkZone(located: LocatedRecord[], options: { file: string; origin: string | undefined }): Zone {
  const { file } = options;
  const soas = located.filter(({ record }) => record.type === 'SOA');
  const [soa, second] = soas;
  if (soa === undefined) throw new ZoneSyntaxError(file, undefined, 'no SOA record: a zone starts with one');
  if (second !== undefined) throw new ZoneSyntaxError(file, second.line, `second SOA record (the first is on line ${soa.line})`);
  const origin = soa.record.name;
  if (options.origin !== undefined && origin !== options.origin) {
    throw new ZoneSyntaxError(file, soa.line, `the SOA is for ${origin || '.'} but the zone is ${options.origin || '.'}`);
  }

  const typesAt = new Map<string, { type: string; line: number }[]>();
  for (const { record, line } of located) {
    if (origin !== '' && record.name !== origin && !record.name.endsWith(`.${origin}`)) {
      throw new ZoneSyntaxError(file, line, `${record.name} is outside the zone ${origin}`);
    }
    const seen = typesAt.get(record.name) ?? [];
    const clash = seen.find((other) => (record.type === 'CNAME') !== (other.type === 'CNAME') || (record.type === 'CNAME' && other.type === 'CNAME'));
    if (clash) {
      throw new ZoneSyntaxError(file, line, `${record.name} has a CNAME and other records (line ${clash.line}); a CNAME must be alone at its name`);
    }
    seen.push({ type: record.type, line });
    typesAt.set(record.name, seen);
  }
  return { origin, records: located.map(({ record }) => record) };
}
