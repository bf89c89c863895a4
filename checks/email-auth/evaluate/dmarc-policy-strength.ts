import type { DomainArtifact } from '../artifact.js';
import type { Policy } from '../dmarc/parse.js';
import { effectivePolicy, isWeakerThan, unfinishedWalkNote } from './dmarc-applied.js';
import type { DnsCauseOf } from './causes.js';
import type { EmailAuthVerdict } from './verdict.js';

const judgeDomain = (domain: DomainArtifact, required: Policy, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = domain.from;
  const decision = domain.dmarc.rfc9989.policy;
  const base = { rule: 'dmarc-policy-strength', subject, expected: `p=${required} or stronger` } as const;
  if (decision.status === 'dns-error') {
    return { ...base, status: 'error', message: `Could not check: the DMARC lookup of ${decision.name} failed (${decision.outcome.toUpperCase()}).`, cause: causeOf({ name: decision.name, type: 'TXT', outcome: decision.outcome }) };
  }
  if (decision.status !== 'found') {
    const lead = decision.status === 'none' && decision.unfinishedWalk ? `No DMARC record at ${subject}, so it has no DMARC policy.${unfinishedWalkNote(decision)}` : `${subject} has no DMARC policy.`;
    return { ...base, status: 'fail', message: `${lead} The mailbox providers require at least p=none from bulk senders, and the peak needs p=${required}.`, found: 'no policy' };
  }
  const applied = effectivePolicy(decision);
  const tag = `${decision.tagApplied}=${decision.policy}${decision.parsed.record?.t === 'y' ? ' with t=y' : ''}`;
  const evidence = { tag: decision.tagApplied, policy: decision.policy, effective: applied, testMode: decision.parsed.record?.t === 'y', domain: decision.domain };
  // requirePolicy is the store's own minimum for the peak: below it is a failure, not advice.
  if (isWeakerThan(applied, required)) {
    const why = applied === 'none' ? 'only monitors: spoofed mail is still delivered' : 'lets failing mail through more gently';
    return { ...base, status: 'fail', message: `The DMARC policy that applies to ${subject} (${tag}) ${why}, below the required p=${required}.`, found: tag, evidence };
  }
  return { ...base, status: 'pass', message: `The DMARC policy that applies to ${subject} (${tag}) meets p=${required}.`, found: tag, evidence };
};

export const dmarcPolicyStrength = (domains: DomainArtifact[], required: Policy, causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.map((domain) => judgeDomain(domain, required, causeOf));
