import type { PolicyDecision } from '../dmarc/discover.js';
import type { Policy } from '../dmarc/parse.js';

const STRENGTH: Record<Policy, number> = { none: 0, quarantine: 1, reject: 2 };
const BY_STRENGTH: Policy[] = ['none', 'quarantine', 'reject'];

export type FoundPolicy = Extract<PolicyDecision, { status: 'found' }>;

/** The policy a receiver applies: t=y (RFC 9989 test mode) counts one level less strict. */
export const effectivePolicy = (decision: FoundPolicy): Policy => {
  const testing = decision.parsed.record?.t === 'y';
  return BY_STRENGTH[Math.max(0, STRENGTH[decision.policy] - (testing ? 1 : 0))]!;
};

export const isWeakerThan = (policy: Policy, required: Policy): boolean => STRENGTH[policy] < STRENGTH[required];

export const enforces = (policy: Policy): boolean => policy !== 'none';

/** Said when the walk above a From domain with no `_dmarc` name stopped on DNS trouble: the record is missing, the walk unfinished. */
export const unfinishedWalkNote = (decision: PolicyDecision): string =>
  decision.status === 'none' && decision.unfinishedWalk
    ? ` The tree walk above it stopped at ${decision.unfinishedWalk.name} (${decision.unfinishedWalk.outcome.toUpperCase()}), so a record higher up, if any, was not seen.`
    : '';
