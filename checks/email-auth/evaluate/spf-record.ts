import type { DomainArtifact } from '../artifact.js';
import type { DnsCauseOf } from './causes.js';
import type { EmailAuthVerdict } from './verdict.js';

// One UDP answer carries 512 bytes without EDNS; a record near that risks truncation and TCP fallback.
const RECORD_SIZE_WARN = 450;

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const { spf } = domain;
  const subject = domain.returnPath;
  const { tree, totals } = spf;
  const base = { rule: 'spf-record', subject, expected: 'exactly one valid v=spf1 record' } as const;
  const topErrors = totals.syntaxErrors.filter((problem) => problem.domain === tree.domain);
  switch (tree.outcome) {
    case 'nxdomain':
    case 'nodata':
    case 'no-spf-record':
      return { ...base, status: 'fail', message: `${subject} publishes no SPF record${tree.outcome === 'nxdomain' ? ' (the name does not exist)' : ''}: SPF cannot pass for mail with this Return-Path.`, found: 'no v=spf1 record' };
    case 'multiple-records':
      return { ...base, status: 'fail', message: `${subject} publishes ${tree.records?.length ?? 'several'} SPF records: receivers treat that as a permanent error.`, found: `${tree.records?.length ?? 'several'} records`, evidence: { records: tree.records ?? [] } };
    case 'invalid-domain':
      return { ...base, status: 'fail', message: `${subject} is not a name SPF can be checked for.`, found: tree.note ?? 'invalid domain' };
    case 'found':
      break;
    case 'loop':
    case 'not-followed':
      return { rule: 'spf-record', status: 'error', subject, message: `Could not check: the SPF record of ${subject} was not read (${tree.outcome}).`, cause: `check: the SPF record of ${subject} was not read` };
    default:
      return { rule: 'spf-record', status: 'error', subject, message: `Could not check: TXT ${subject} could not be resolved (${tree.outcome.toUpperCase()}).`, cause: causeOf({ name: tree.domain, type: 'TXT', outcome: tree.outcome }) };
  }
  const evidence = { record: tree.record ?? '', sizeBytes: tree.sizeBytes ?? 0 };
  if (topErrors.length > 0) {
    const errors = topErrors.map((problem) => `${problem.message}${problem.term ? ` (${problem.term})` : ''}`);
    return { ...base, status: 'fail', message: `The SPF record of ${subject} has syntax errors: ${errors.join('; ')}.`, found: errors.join('; '), evidence };
  }
  if ((tree.sizeBytes ?? 0) > RECORD_SIZE_WARN) {
    return { ...base, expected: `≤ ${RECORD_SIZE_WARN} bytes`, status: 'warn', message: `The SPF record of ${subject} is ${tree.sizeBytes} bytes, close to the 512-byte UDP answer size.`, found: `${tree.sizeBytes} bytes`, evidence };
  }
  return { ...base, status: 'pass', message: `${subject} publishes one valid SPF record.`, found: tree.record, evidence };
};

export const spfRecord = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeDomain(domain, causeOf));

/** The counting rules judge only a record that exists; spf-record reports the rest. */
export const hasSpfRecord = (domain: DomainArtifact): boolean => domain.spf.tree.outcome === 'found';
