import type { DkimSeen, DnsOutcome, DomainArtifact, EmailAuthArtifact, SampleSeen } from '../artifact.js';
import { checkAlignment, type AlignmentResult } from '../dmarc/alignment.js';
import { troubleText } from '../dns-seen.js';
import { orgDomainOfFrom, pslOrgDomainOf, type OrgDomainOf } from '../domains.js';
import type { SpfTreeNode } from '../spf/index.js';
import type { ReturnPathSource } from '../streams.js';
import { keyStateOf, usableKeys } from './dkim-keys.js';

// Terms that name hosts: with a pass qualifier each authorises someone.
const HOST_TERMS: ReadonlySet<string> = new Set(['ip4', 'ip6', 'a', 'mx', 'ptr', 'exists']);
// Targets that certainly authorise no one; any other unfollowed target (DNS trouble, a macro) might.
const AUTHORISES_NOBODY: ReadonlySet<string> = new Set(['nxdomain', 'nodata', 'no-spf-record', 'multiple-records', 'invalid-domain', 'loop']);

/**
 * Whether the record can pass for any host at all: `v=spf1 ~all`, or includes of such records only,
 * authorise nobody. A branch q4check could not follow (a macro, DNS trouble) counts as authorising,
 * since "nobody" must be certain.
 */
export const authorisesAnyone = (node: SpfTreeNode): boolean =>
  node.terms.some((term) => {
    if (term.qualifier !== undefined && term.qualifier !== '+') return false;
    if (term.kind === 'all' || HOST_TERMS.has(term.kind)) return true;
    if (term.kind !== 'include' && term.kind !== 'redirect') return false;
    const target = term.child;
    if (target === undefined) return true;
    return target.outcome === 'found' ? authorisesAnyone(target) : !AUTHORISES_NOBODY.has(target.outcome);
  });

/**
 * What SPF can show for a stream: it passes only when check_host() passes for its sending IPs. Without
 * IPs nothing is proven; a record that authorises nobody fails whatever the IP.
 */
export type SpfState = 'passes' | 'fails' | 'authorises-nobody' | 'unproven';

export const spfStateOf = (domain: DomainArtifact): SpfState => {
  if (domain.spfChecks.length > 0) return domain.spfChecks.every((check) => check.result.result === 'pass') ? 'passes' : 'fails';
  if (domain.spf.tree.outcome !== 'found' || domain.spf.totals.permerrors.length > 0) return 'fails';
  return authorisesAnyone(domain.spf.tree) ? 'unproven' : 'authorises-nobody';
};

/** Whether SPF can pass for the envelope domain: every listed IP passes, or, without IPs, the record authorises someone without a permerror. */
export const spfCanPass = (domain: DomainArtifact): boolean => spfStateOf(domain) === 'passes' || spfStateOf(domain) === 'unproven';

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

/** Where an identifier comes from; only declared and seen ones are evidence that mail uses it. */
export type Provenance = ReturnPathSource | 'probed';

export interface SpfEvidence {
  domain: string;
  provenance: ReturnPathSource;
  state: SpfState;
}

export interface DkimEvidence {
  domain: string;
  selector: string;
  /** seen: a signature of a sample message; declared: a profile selector; probed: a key found by guessing, which proves a key exists, not that the stream signs with it. */
  provenance: 'declared' | 'seen' | 'probed';
  usable: boolean;
}

export interface StreamAlignment {
  spf: SpfEvidence;
  dkim: DkimEvidence[];
  /** Declared or seen identifiers that pass: what can make alignment pass. */
  proven: AlignmentResult;
  /** Adding what might pass (an assumed envelope, SPF without IPs, probed keys): what a warning can rest on. */
  possible: AlignmentResult;
  /** Nothing proven, but only for want of evidence: a guess might pass, or nothing says how the stream signs. */
  evidenceMissing: boolean;
  samples: SampleSeen[];
}

/** The stream's sample messages; in artifacts saved before streams existed, those with its From domain. */
export const samplesOf = (domain: DomainArtifact, artifact: EmailAuthArtifact): SampleSeen[] =>
  artifact.samples.filter(
    (sample): sample is SampleSeen => 'signatureKeys' in sample && (domain.samples === undefined ? sample.fromDomain === domain.from : domain.samples.includes(sample.file)),
  );

const isUsable = (seen: DkimSeen, domain: DomainArtifact): boolean => usableKeys({ ...domain, dkim: [seen] }).length > 0;

/** A sample's signatures are what its stream signs with, overriding the profile; without one, the profile's selectors, then probed keys. */
const dkimEvidence = (domain: DomainArtifact, samples: SampleSeen[]): DkimEvidence[] => {
  const evidence = (seen: DkimSeen, provenance: DkimEvidence['provenance']): DkimEvidence => ({ domain: seen.domain, selector: seen.selector, provenance, usable: isUsable(seen, domain) });
  if (samples.length > 0) return samples.flatMap((sample) => sample.signatureKeys.map((seen) => evidence(seen, 'seen')));
  return domain.dkim.flatMap((seen) => (seen.probed ? (isUsable(seen, domain) ? [evidence(seen, 'probed')] : []) : [evidence(seen, 'declared')]));
};

export const returnPathSourceOf = (domain: DomainArtifact): ReturnPathSource => domain.returnPathSource ?? (domain.returnPath === domain.from ? 'assumed' : 'declared');

/** DMARC's view of one stream: which identifiers line up with From, told apart by what shows they are used. */
export const alignmentOf = (domain: DomainArtifact, artifact: EmailAuthArtifact): StreamAlignment => {
  const decision = domain.dmarc.rfc9989.policy;
  const record = decision.status === 'found' ? decision.parsed.record : undefined;
  const spf: SpfEvidence = { domain: domain.returnPath, provenance: returnPathSourceOf(domain), state: spfStateOf(domain) };
  const samples = samplesOf(domain, artifact);
  const dkim = dkimEvidence(domain, samples);
  const judge = (spfPasses: boolean, dkimPasses: (key: DkimEvidence) => boolean): AlignmentResult =>
    checkAlignment(
      {
        from: domain.from,
        spf: { domain: spf.domain, passes: spfPasses },
        dkim: dkim.map((key) => ({ domain: key.domain, passes: dkimPasses(key) })),
        ...(record ? { aspf: record.aspf, adkim: record.adkim } : {}),
      },
      orgDomainOf(artifact),
    );
  const proven = judge(spf.state === 'passes' && spf.provenance !== 'assumed', (key) => key.usable && key.provenance !== 'probed');
  const possible = judge(spf.state === 'passes' || spf.state === 'unproven', (key) => key.usable);
  const noDkimEvidence = samples.length === 0 && domain.dkim.every((seen) => seen.probed);
  const evidenceMissing = proven.dmarcPassesVia === 'neither' && (possible.dmarcPassesVia !== 'neither' || noDkimEvidence);
  return { spf, dkim, proven, possible, evidenceMissing, samples };
};
