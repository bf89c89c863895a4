import type { DomainArtifact } from '../artifact.js';
import type { ReportDestination } from '../dmarc/report-auth.js';
import type { DnsCauseOf } from './causes.js';
import type { EmailAuthVerdict } from './verdict.js';

const judgeDestination = (from: string, destination: ReportDestination, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = `${from} ${destination.tag} ${destination.address}`;
  const base = { rule: 'dmarc-report-destination', subject, expected: destination.queried ? `v=DMARC1 at ${destination.queried}` : 'a destination on the same organisational domain' } as const;
  const evidence = { queried: destination.queried ?? null, outcome: destination.outcome ?? null, records: destination.records ?? [] };
  switch (destination.status) {
    case 'internal':
      return { ...base, status: 'pass', message: `${destination.address} is on the policy's own organisational domain.`, found: 'internal' };
    case 'authorised':
      return { ...base, status: 'pass', message: `${destination.domain} authorises reports about ${from}.`, found: destination.records?.[0] ?? 'authorised', evidence };
    case 'not-authorised':
      return { ...base, status: 'fail', message: `${destination.domain} has not authorised reports about ${from}: receivers drop the ${destination.tag === 'rua' ? 'aggregate' : 'failure'} reports sent there.`, found: `no v=DMARC1 at ${destination.queried}`, evidence };
    case 'could-not-check':
      return { ...base, status: 'error', message: `Could not check: ${destination.queried} could not be resolved (${(destination.outcome ?? 'error').toUpperCase()}).`, cause: causeOf({ name: destination.queried ?? destination.domain, type: 'TXT', outcome: destination.outcome ?? 'error' }), evidence };
  }
};

export const dmarcReportDestination = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.flatMap((domain): EmailAuthVerdict[] => {
    const decision = domain.dmarc.rfc9989.policy;
    if (decision.status !== 'found') return [];
    if (!decision.parsed.record?.rua.length) {
      return [{ rule: 'dmarc-report-destination', status: 'warn', subject: domain.from, message: `The DMARC record of ${domain.from} asks for no aggregate reports (rua=), so nobody sees who sends as the domain.`, expected: 'rua=mailto:…', found: 'no rua=' }];
    }
    return domain.reportDestinations.map((destination) => judgeDestination(domain.from, destination, causeOf));
  });
