import type { DomainArtifact } from '../artifact.js';
import type { Policy } from '../dmarc/parse.js';
import type { EmailAuthVerdict } from './verdict.js';

const FULL = 100;

/** RFC 7489 §6.6.4: failing mail left out of the pct= sample gets the next weaker policy. */
const OUTSIDE_SAMPLE: Record<Policy, Policy> = { reject: 'quarantine', quarantine: 'none', none: 'none' };

/** What an RFC 7489 receiver does with failing mail: the enforced share, and what the rest gets. */
const enforcedShare = (policy: Policy, pct: number | undefined): string =>
  pct === undefined
    ? `${policy} to a share they cannot read`
    : `${policy} to ${pct}% of failing mail and ${OUTSIDE_SAMPLE[policy]} to the other ${FULL - pct}%`;

/** pct= of the record that applies: judged only where a record applies (dmarc-record reports the rest). */
const judgeDomain = (domain: DomainArtifact): EmailAuthVerdict[] => {
  const decision = domain.dmarc.rfc9989.policy;
  if (decision.status !== 'found' || !decision.parsed.record) return [];
  const subject = domain.from;
  const where = `_dmarc.${decision.domain}`;
  const pct = decision.parsed.record.pct;
  const base = { rule: 'dmarc-pct', subject, expected: `no pct=, or pct=${FULL}` } as const;
  if (pct === undefined) return [{ ...base, status: 'pass', message: `The DMARC record at ${where} has no pct=, so every receiver applies its policy to all failing mail.`, found: 'no pct=' }];
  const evidence = { pct: pct.raw, record: decision.record };
  if (pct.value === FULL) {
    return [{ ...base, status: 'pass', message: `The DMARC record at ${where} has pct=${FULL}, the default: every receiver applies its policy to all failing mail. Note: RFC 9989 removed pct=, so it can be dropped.`, found: `pct=${FULL}`, evidence }];
  }
  // Mail left out of the sample gets the next weaker policy; below none there is none, so every receiver does the same.
  if (decision.policy === 'none') {
    return [{ ...base, status: 'pass', message: `The DMARC record at ${where} has pct=${pct.raw} under ${decision.tagApplied}=none, where it changes nothing: every receiver only monitors. Note: RFC 9989 removed pct=, so it can be dropped.`, found: `pct=${pct.raw} under ${decision.tagApplied}=none`, evidence }];
  }
  const enforced = pct.value === undefined ? 'an unreadable share' : `${pct.value}%`;
  return [
    {
      ...base,
      status: 'warn',
      message: `The DMARC record at ${where} has pct=${pct.raw} with ${decision.tagApplied}=${decision.policy}: RFC 7489 receivers apply ${enforcedShare(decision.policy, pct.value)}; RFC 9989 receivers ignore pct= and apply ${decision.policy} to all of it, so the policy differs by receiver.`,
      found: `pct=${pct.raw}: ${decision.policy} enforced on ${enforced} at RFC 7489 receivers`,
      evidence: { ...evidence, enforcedPercent: pct.value ?? null, outsideSample: OUTSIDE_SAMPLE[decision.policy] },
    },
  ];
};

export const dmarcPct = (domains: DomainArtifact[]): EmailAuthVerdict[] => domains.flatMap(judgeDomain);
