import type { DomainArtifact, ReverseDnsSeen } from '../artifact.js';
import { isDnsTrouble } from '../dns-seen.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

// Names built from the address itself (ip-198-51-100-10.provider.example) read as dynamic or generic.
const looksGeneric = (name: string, ip: string): boolean => {
  const parts = ip.split(/[.:]/).filter(Boolean);
  return parts.length >= 4 && parts.slice(-2).every((part) => name.includes(part)) && /(\d+[-.]){3}\d+/.test(name);
};

const judgeIp = (entry: ReverseDnsSeen, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const base = { rule: 'reverse-dns', subject: entry.ip, expected: 'a PTR name that resolves back to the IP' } as const;
  if (isDnsTrouble(entry.ptr)) return couldNotCheck('reverse-dns', entry.ip, entry.ptr, causeOf);
  if (entry.ptr.records.length === 0) {
    return { ...base, status: 'fail', message: `${entry.ip} has no PTR record.`, found: `no PTR (${entry.ptr.outcome.toUpperCase()})` };
  }
  const trouble = entry.forward.find((forward) => isDnsTrouble(forward.answer));
  const confirmed = entry.forward.filter((forward) => forward.answer.records.includes(entry.ip)).map((forward) => forward.name);
  const evidence = { ptr: entry.ptr.records, forward: entry.forward.map((forward) => ({ name: forward.name, addresses: forward.answer.records })) };
  if (confirmed.length === 0) {
    if (trouble) return couldNotCheck('reverse-dns', entry.ip, trouble.answer, causeOf);
    return { ...base, status: 'fail', message: `${entry.ip} points to ${entry.ptr.records.join(', ')}, which does not resolve back to ${entry.ip}.`, found: 'reverse DNS not forward-confirmed', evidence };
  }
  if (looksGeneric(confirmed[0]!, entry.ip)) {
    return { ...base, status: 'warn', message: `${entry.ip} is forward-confirmed as ${confirmed[0]}, a generic name built from the address; receivers treat such names as dynamic space.`, found: confirmed[0], evidence };
  }
  return { ...base, status: 'pass', message: `${entry.ip} is forward-confirmed as ${confirmed[0]}.`, found: confirmed[0], evidence };
};

export const reverseDns = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => {
  const seen = new Set<string>();
  return domains.flatMap((domain) => domain.reverseDns).filter((entry) => !seen.has(entry.ip) && seen.add(entry.ip)).map((entry) => judgeIp(entry, causeOf));
};
