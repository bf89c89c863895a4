import { isIPv4, isIPv6 } from 'node:net';
import type { Token } from './zone-lexer.js';
import type { ZoneRecord, ZoneRecordType } from './zone-record.js';
import { parseCharacterString, parseInteger, parseName, parseTtl, type Parsed } from './zone-text.js';

/** Thrown inside RDATA parsing; the parser adds file and line. */
export class RdataProblem extends Error {}

const FIELDS: Record<Exclude<ZoneRecordType, 'TXT'>, string[]> = {
  A: ['address'],
  AAAA: ['address'],
  NS: ['name server'],
  CNAME: ['target'],
  PTR: ['target'],
  MX: ['preference', 'exchange'],
  SOA: ['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum'],
};

/** The record a type and its RDATA fields make, names completed against the origin. */
export function parseRdata(name: string, ttl: number, type: ZoneRecordType, tokens: Token[], origin: string | undefined): ZoneRecord {
  if (type === 'TXT') {
    if (tokens.length === 0) throw new RdataProblem('TXT needs at least one string');
    return { name, ttl, type, data: tokens.map((token) => take(parseCharacterString(token.text))) };
  }
  const fields = FIELDS[type];
  if (tokens.length !== fields.length) {
    throw new RdataProblem(`${type} takes ${fields.length} field${fields.length === 1 ? '' : 's'} (${fields.join(' ')}), found ${tokens.length}`);
  }
  const quoted = tokens.find((token) => token.quoted);
  if (quoted) throw new RdataProblem(`${type} fields are not quoted strings: "${quoted.text}"`);
  const text = tokens.map((token) => token.text);
  const at = (index: number): string => text[index] as string;
  const nameAt = (index: number): string => take(parseName(at(index), origin));
  const timerAt = (index: number): number => take(parseTtl(at(index)));
  switch (type) {
    case 'A':
      if (!isIPv4(at(0))) throw new RdataProblem(`not an IPv4 address: ${at(0)}`);
      return { name, ttl, type, data: at(0) };
    case 'AAAA':
      if (!isIPv6(at(0)) || at(0).includes('%')) throw new RdataProblem(`not an IPv6 address: ${at(0)}`);
      return { name, ttl, type, data: at(0).toLowerCase() };
    case 'NS':
    case 'CNAME':
    case 'PTR':
      return { name, ttl, type, data: nameAt(0) };
    case 'MX':
      return { name, ttl, type, data: { preference: take(parseInteger(at(0), 0xffff, 'MX preference')), exchange: nameAt(1) } };
    case 'SOA':
      return {
        name,
        ttl,
        type,
        data: {
          mname: nameAt(0),
          rname: nameAt(1),
          serial: take(parseInteger(at(2), 0xffffffff, 'SOA serial')),
          refresh: timerAt(3),
          retry: timerAt(4),
          expire: timerAt(5),
          minimum: timerAt(6),
        },
      };
  }
}

function take<T>(parsed: Parsed<T>): T {
  if ('problem' in parsed) throw new RdataProblem(parsed.problem);
  return parsed.value;
}
