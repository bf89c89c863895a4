import type { DomainArtifact } from '../artifact.js';
import type { PolicyDecision } from '../dmarc/discover.js';
import type { DnsCauseOf } from './causes.js';
import { unfinishedWalkNote } from './dmarc-applied.js';
import type { EmailAuthVerdict } from './verdict.js';

const decisionText = (decision: PolicyDecision): string => {
  switch (decision.status) {
    case 'found':
      return `${decision.source} record at _dmarc.${decision.domain}`;
    case 'none':
      return 'no record';
    case 'multiple-records':
      return `more than one record at _dmarc.${decision.domain}`;
    case 'dns-error':
      return `DNS ${decision.outcome} at ${decision.name}`;
  }
};

/** What an RFC 7489 receiver (Public Suffix List) sees, when it differs from the RFC 9989 tree walk. */
const olderReceivers = (domain: DomainArtifact): string => {
  const older = domain.dmarc.rfc7489.policy;
  const current = domain.dmarc.rfc9989.policy;
  const same = older.status === current.status && (older.status !== 'found' || (current.status === 'found' && older.domain === current.domain));
  return same ? '' : ` Receivers still on RFC 7489 see: ${decisionText(older)}.`;
};

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = domain.from;
  const decision = domain.dmarc.rfc9989.policy;
  const base = { rule: 'dmarc-record', subject, expected: 'one valid v=DMARC1 record found by the RFC 9989 tree walk' } as const;
  const problems = domain.dmarc.problems.map((problem) => problem.message);
  const evidence = { walk: domain.dmarc.rfc9989.walk.steps.map((step) => step.name), problems, rfc7489: decisionText(domain.dmarc.rfc7489.policy) };
  if (decision.status === 'dns-error') {
    return { ...base, status: 'error', message: `Could not check: the DMARC lookup of ${decision.name} failed (${decision.outcome.toUpperCase()}${decision.error ? `: ${decision.error}` : ''}).`, cause: causeOf({ name: decision.name, type: 'TXT', outcome: decision.outcome }), evidence };
  }
  if (decision.status !== 'found') {
    const why = problems.length > 0 ? ` ${problems.join('; ')}.` : '';
    const unfinished = decision.status === 'none' && decision.unfinishedWalk ? { unfinishedWalk: decision.unfinishedWalk } : {};
    const lead = decision.status === 'none' && decision.unfinishedWalk ? `No DMARC record at ${subject}: _dmarc.${subject} does not exist.${unfinishedWalkNote(decision)}` : `No DMARC record applies to ${subject}:`;
    return { ...base, status: 'fail', message: `${lead} Receivers apply no policy and send no reports.${why}${olderReceivers(domain)}`, found: decisionText(decision), evidence: { ...evidence, ...unfinished } };
  }
  const parsed = decision.parsed;
  const where = `_dmarc.${decision.domain}`;
  const full = { ...evidence, record: decision.record, source: decision.source };
  if (!parsed.ok) {
    const errors = parsed.errors.map((issue) => issue.message);
    return { ...base, status: 'fail', message: `The DMARC record at ${where} is invalid: ${errors.join('; ')}.`, found: errors.join('; '), evidence: full };
  }
  // pct= is judged by its own rule, under a title that says the policy differs by receiver.
  const warnings = [...parsed.warnings.filter((issue) => issue.tag !== 'pct').map((issue) => issue.message), ...problems];
  if (warnings.length > 0) {
    return { ...base, status: 'warn', message: `The DMARC record at ${where} works but ${warnings.join('; ')}.${olderReceivers(domain)}`, found: warnings.join('; '), evidence: full };
  }
  return { ...base, status: 'pass', message: `${subject} is covered by the ${decisionText(decision)}.${olderReceivers(domain)}`, found: decision.record, evidence: full };
};

export const dmarcRecord = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeDomain(domain, causeOf));
