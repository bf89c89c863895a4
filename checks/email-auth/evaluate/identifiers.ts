import type { DnsOutcome } from '../../../src/dns/types.js';
import type { DomainArtifact, EmailAuthArtifact } from '../artifact.js';
import { checkAlignment, type AlignmentResult } from '../dmarc/alignment.js';
import { troubleText } from '../dns-seen.js';
import { orgDomainOfFrom, pslOrgDomainOf, type OrgDomainOf } from '../domains.js';
import { keyStateOf, usableKeys } from './dkim-keys.js';

/** Whether SPF can pass for the envelope domain: every listed IP passes, or, without IPs, the record has no permerror. */
export const spfCanPass = (domain: DomainArtifact): boolean =>
  domain.spfChecks.length > 0
    ? domain.spfChecks.every((check) => check.result.result === 'pass')
    : domain.spf.tree.outcome === 'found' && domain.spf.totals.permerrors.length === 0;

/** What DNS hid, for a person to read, and the question it hid it behind (for the cause), when known. */
export interface DnsTrouble {
  text: string;
  question: { name: string; type: string; outcome: DnsOutcome };
}

/** When SPF does not pass only because DNS failed (no definite non-pass result): what failed. */
export const spfTrouble = (domain: DomainArtifact): DnsTrouble | undefined => {
  if (spfCanPass(domain)) return undefined;
  const [error] = domain.spf.totals.dnsErrors;
  // check_host() keeps no question list; the tree walk asked the same names, so its first failure stands for it.
  const question = error ?? { name: domain.returnPath, type: 'TXT', outcome: 'error' as const };
  if (domain.spfChecks.length > 0) {
    const definite = domain.spfChecks.some((check) => check.result.result !== 'pass' && check.result.result !== 'temperror');
    const temporary = domain.spfChecks.find((check) => check.result.result === 'temperror');
    return !definite && temporary ? { text: `SPF for ${temporary.ip} ended in a temporary DNS error`, question } : undefined;
  }
  return error && domain.spf.totals.permerrors.length === 0 ? { text: `${error.type} ${error.name} could not be resolved (${error.outcome.toUpperCase()})`, question } : undefined;
};

/** When no DKIM key is usable and a selector's lookup failed: what failed. */
export const dkimTrouble = (domain: DomainArtifact): DnsTrouble | undefined => {
  if (usableKeys(domain).length > 0) return undefined;
  const troubled = domain.dkim.find((seen) => keyStateOf(seen).state === 'trouble');
  return troubled ? { text: troubleText(troubled.answer), question: troubled.answer } : undefined;
};

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
