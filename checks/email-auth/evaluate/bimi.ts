import type { DomainArtifact } from '../artifact.js';
import { isAbsent, isDnsTrouble, recordsStartingWith } from '../dns-seen.js';
import { parseBimi } from '../records/bimi.js';
import { effectivePolicy, enforces } from './dmarc-applied.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const seen = domain.bimi;
  const base = { rule: 'bimi', subject: domain.from, expected: 'v=BIMI1 with an https SVG logo, under DMARC enforcement' } as const;
  if (isDnsTrouble(seen)) return couldNotCheck('bimi', domain.from, seen, causeOf);
  const records = recordsStartingWith(seen, 'v=BIMI1');
  if (isAbsent(seen) || records.length === 0) {
    return { ...base, status: 'skip', message: `${domain.from} publishes no BIMI record (optional).` };
  }
  const record = parseBimi(records[0]!);
  const decision = domain.dmarc.rfc9989.policy;
  const problems = [...(records.length > 1 ? ['more than one v=BIMI1 record'] : []), ...record.problems];
  if (decision.status !== 'found' || !enforces(effectivePolicy(decision))) problems.push('DMARC does not enforce (quarantine or reject), so no inbox shows the logo');
  const evidence = { record: records[0]!, logo: record.logo ?? null, certificate: record.certificate ?? null };
  if (problems.length > 0) return { ...base, status: 'fail', message: `The BIMI setup of ${domain.from} does not work: ${problems.join('; ')}.`, found: problems.join('; '), evidence };
  if (!record.declined && !record.certificate) {
    return { ...base, status: 'warn', message: `The BIMI record of ${domain.from} has no mark certificate (a=); Gmail and Apple show logos only with one.`, found: 'no a=', evidence };
  }
  return { ...base, status: 'pass', message: `${domain.from} publishes a valid BIMI record.`, found: records[0], evidence };
};

export const bimi = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeDomain(domain, causeOf));
