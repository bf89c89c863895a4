import type { DomainArtifact, EmailAuthArtifact } from '../artifact.js';
import { checkAlignment, type AlignmentResult } from '../dmarc/alignment.js';
import { orgDomainOfFrom, pslOrgDomainOf, type OrgDomainOf } from '../domains.js';
import { usableKeys } from './dkim-keys.js';

/** Whether SPF can pass for the envelope domain: every listed IP passes, or, without IPs, the record has no permerror. */
export const spfCanPass = (domain: DomainArtifact): boolean =>
  domain.spfChecks.length > 0
    ? domain.spfChecks.every((check) => check.result.result === 'pass')
    : domain.spf.tree.outcome === 'found' && domain.spf.totals.permerrors.length === 0;

/** RFC 9989 organisational domains from the tree walks gathered, the Public Suffix List for any other. */
export const orgDomainOf = (artifact: EmailAuthArtifact): OrgDomainOf => {
  const walked = orgDomainOfFrom(artifact.organizationalDomains);
  return (domain) => walked(domain) ?? pslOrgDomainOf(domain);
};

/** Every d= this From domain signs with that has a usable key: configured, probed, or seen in a sample message. */
const dkimIdentities = (domain: DomainArtifact, artifact: EmailAuthArtifact): { domain: string; passes: boolean }[] => {
  const fromSamples = artifact.samples.flatMap((sample) => ('signatureKeys' in sample && sample.fromDomain === domain.from ? sample.signatureKeys : []));
  const usable = new Set(usableKeys({ ...domain, dkim: [...domain.dkim, ...fromSamples] }).map((seen) => seen.domain));
  const signing = new Set([...domain.dkim.filter((seen) => !seen.probed || usable.has(seen.domain)), ...fromSamples].map((seen) => seen.domain));
  return [...signing].map((name) => ({ domain: name, passes: usable.has(name) }));
};

/** DMARC's view of one From domain: which authenticated identifiers line up with it. */
export const alignmentOf = (domain: DomainArtifact, artifact: EmailAuthArtifact): AlignmentResult => {
  const decision = domain.dmarc.rfc9989.policy;
  const record = decision.status === 'found' ? decision.parsed.record : undefined;
  return checkAlignment(
    {
      from: domain.from,
      spf: { domain: domain.returnPath, passes: spfCanPass(domain) },
      dkim: dkimIdentities(domain, artifact),
      ...(record ? { aspf: record.aspf, adkim: record.adkim } : {}),
    },
    orgDomainOf(artifact),
  );
};
