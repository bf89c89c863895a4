import type { DomainArtifact } from '../artifact.js';
import type { DiscardedUri } from '../dmarc/parse.js';
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

/** A value receivers discard: the reports it was meant to bring go nowhere, though the policy stays in force. */
const judgeDiscarded = (from: string, discarded: DiscardedUri): EmailAuthVerdict => ({
  rule: 'dmarc-report-destination',
  status: 'fail',
  subject: `${from} ${discarded.tag} ${discarded.text}`,
  message: `${discarded.tag}= of ${from}: ${discarded.error}, so receivers discard it and send the ${discarded.tag === 'rua' ? 'aggregate' : 'failure'} reports nowhere; the policy still applies.`,
  expected: `${discarded.tag}=mailto:<address>`,
  found: discarded.text === '' ? 'an empty value' : discarded.text,
});

export const dmarcReportDestination = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.flatMap((domain): EmailAuthVerdict[] => {
    const decision = domain.dmarc.rfc9989.policy;
    if (decision.status !== 'found') return [];
    const discardedUris = decision.parsed.record?.discardedUris ?? [];
    const discarded = discardedUris.map((uri) => judgeDiscarded(domain.from, uri));
    // A rua= that was written but is unusable already fails above; "asks for no reports" would misread it.
    if (!decision.parsed.record?.rua.length && !discardedUris.some((uri) => uri.tag === 'rua')) {
      return [{ rule: 'dmarc-report-destination', status: 'warn', subject: domain.from, message: `The DMARC record of ${domain.from} asks for no aggregate reports (rua=), so nobody sees who sends as the domain.`, expected: 'rua=mailto:…', found: 'no rua=' }];
    }
    return [...discarded, ...domain.reportDestinations.map((destination) => judgeDestination(domain.from, destination, causeOf))];
  });
