import type { DomainArtifact } from '../artifact.js';
import { isDnsTrouble, type DnsSeen } from '../dns-seen.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

// The resolver writes the root exchange as '', so a null MX arrives as "0 " and, trimmed, as "0".
const isNullMx = (records: string[]): boolean => records.length === 1 && /^0(\s+\.)?$/.test(records[0]!.trim());

/** No MX but an address: mail is delivered to the domain itself (RFC 5321 §5.1). */
const judgeImplicitMx = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict | undefined => {
  const answers = domain.implicitMx ?? [];
  const addresses = answers.flatMap((answer) => answer.records);
  const base = { rule: 'mx-record', subject: domain.from, expected: 'MX records that accept mail, or an address (implicit MX)' } as const;
  if (addresses.length > 0) {
    return { ...base, status: 'pass', message: `${domain.from} has no MX records but has an address (${addresses.join(', ')}): mail to it goes there (implicit MX, RFC 5321 §5.1). Note: an MX record says so explicitly.`, found: `implicit MX: ${addresses.join(', ')}`, evidence: { mx: [], addresses } };
  }
  const trouble = answers.find(isDnsTrouble);
  return trouble ? couldNotCheck('mx-record', domain.from, trouble, causeOf) : undefined;
};

const judgeMx = (domain: DomainArtifact, mx: DnsSeen, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = domain.from;
  const base = { rule: 'mx-record', subject, expected: 'MX records that accept mail' } as const;
  if (isDnsTrouble(mx)) return couldNotCheck('mx-record', subject, mx, causeOf);
  if (mx.records.length === 0) {
    const implicit = mx.outcome === 'nodata' ? judgeImplicitMx(domain, causeOf) : undefined;
    if (implicit) return implicit;
    return { ...base, status: 'fail', message: `${subject} publishes no MX records${mx.outcome === 'nodata' ? ' and has no address' : ''}, so replies and bounces to it cannot be delivered.`, found: mx.outcome === 'nxdomain' ? 'the domain does not exist' : 'no MX records', evidence: { mx: mx.records } };
  }
  if (isNullMx(mx.records)) {
    return { ...base, status: 'warn', message: `${subject} publishes a null MX (0 .): it accepts no mail, so replies to your campaigns bounce.`, found: 'null MX', evidence: { mx: mx.records } };
  }
  return { ...base, status: 'pass', message: `${subject} receives mail at ${mx.records.join(', ')}.`, found: mx.records.join(', '), evidence: { mx: mx.records } };
};

/**
 * The From domain only: replies and feedback go there. The envelope domain's bounces are handled by
 * the sending provider, and an ESP's bounce domain (sendgrid.net) is not the store's to fix.
 */
export const mxRecord = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.flatMap((domain) => domain.mx.filter((entry) => entry.domain === domain.from).map((entry) => judgeMx(domain, entry.answer, causeOf)));
