import type { DomainArtifact } from '../artifact.js';
import { isDnsTrouble } from '../dns-seen.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

// The resolver writes the root exchange as '', so a null MX arrives as "0 " and, trimmed, as "0".
const isNullMx = (records: string[]): boolean => records.length === 1 && /^0(\s+\.)?$/.test(records[0]!.trim());

const judgeMx = (domain: string, mx: DomainArtifact['mx'][number]['answer'], causeOf: DnsCauseOf): EmailAuthVerdict => {
  const base = { rule: 'mx-record', subject: domain, expected: 'MX records that accept mail' } as const;
  if (isDnsTrouble(mx)) return couldNotCheck('mx-record', domain, mx, causeOf);
  if (mx.records.length === 0) {
    return { ...base, status: 'fail', message: `${domain} publishes no MX records, so replies and bounces to it cannot be delivered.`, found: mx.outcome === 'nxdomain' ? 'the domain does not exist' : 'no MX records', evidence: { mx: mx.records } };
  }
  if (isNullMx(mx.records)) {
    return { ...base, status: 'warn', message: `${domain} publishes a null MX (0 .): it accepts no mail, so replies to your campaigns bounce.`, found: 'null MX', evidence: { mx: mx.records } };
  }
  return { ...base, status: 'pass', message: `${domain} receives mail at ${mx.records.join(', ')}.`, found: mx.records.join(', '), evidence: { mx: mx.records } };
};

/** The From domain, and the envelope domain where it differs (bounces go there). */
export const mxRecord = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.flatMap((domain) => domain.mx.map((entry) => judgeMx(entry.domain, entry.answer, causeOf)));
