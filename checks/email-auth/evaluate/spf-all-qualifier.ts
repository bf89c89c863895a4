import type { DomainArtifact } from '../artifact.js';
import { hasSpfRecord } from './spf-record.js';
import type { EmailAuthVerdict } from './verdict.js';

const judgeDomain = (domain: DomainArtifact): EmailAuthVerdict[] => {
  if (!hasSpfRecord(domain)) return [];
  const subject = domain.returnPath;
  const qualifier = domain.spf.totals.allQualifier;
  const base = { rule: 'spf-all-qualifier', subject, expected: '-all or ~all' } as const;
  switch (qualifier) {
    case '+':
      return [{ ...base, status: 'fail', message: `The SPF record of ${subject} ends with +all: every host on the internet passes SPF for it.`, found: '+all' }];
    case '?':
      return [{ ...base, status: 'warn', message: `The SPF record of ${subject} ends with ?all: unlisted senders are neutral, which protects nothing.`, found: '?all' }];
    case undefined:
      return [{ ...base, status: 'warn', message: `The SPF record of ${subject} has no all term: unlisted senders end neutral.`, found: 'no all' }];
    default:
      return [{ ...base, status: 'pass', message: `The SPF record of ${subject} ends with ${qualifier}all.`, found: `${qualifier}all` }];
  }
};

export const spfAllQualifier = (domains: DomainArtifact[]): EmailAuthVerdict[] => domains.flatMap(judgeDomain);
