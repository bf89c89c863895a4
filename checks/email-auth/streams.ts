import type { SampleSeen } from './artifact.js';
import type { DomainConfig } from './config.js';

/**
 * A profile `domains` entry is one stream of mail: staff mail on Google, marketing on Klaviyo and
 * order notifications on Shopify can share a From domain yet differ in Return-Path and DKIM. A sample
 * message is evidence about the stream it belongs to, so it must be attributed to exactly one.
 */

/** Where an envelope domain comes from: the profile, a sample message of the stream, or the default (the From domain). */
export type ReturnPathSource = 'declared' | 'seen' | 'assumed';

const signsWithDeclaredSelector = (domain: DomainConfig, sample: SampleSeen): boolean =>
  (domain.dkim ?? []).some((entry) =>
    sample.signatureKeys.some((key) => key.selector === entry.selector && key.domain.toLowerCase() === (entry.domain ?? domain.from)),
  );

const fitsStream = (domain: DomainConfig, sample: SampleSeen): boolean =>
  (domain.returnPath !== undefined && sample.returnPathDomain === domain.returnPath) || signsWithDeclaredSelector(domain, sample);

const fromOf = (sample: SampleSeen): string | undefined => sample.fromDomain?.toLowerCase();

/**
 * The samples of the stream at `index`: those with its From domain when it is the only stream of
 * that domain; otherwise those whose Return-Path or signature matches what it declares (the first
 * matching stream in profile order takes a sample that fits several). A sample that fits none of
 * several streams of its From domain is evidence about no stream in particular, so none gets it.
 */
export const samplesOfStream = (index: number, domains: readonly DomainConfig[], samples: readonly (SampleSeen | { file: string; error: string })[]): SampleSeen[] => {
  const domain = domains[index];
  if (domain === undefined) return [];
  const read = samples.filter((sample): sample is SampleSeen => 'signatureKeys' in sample && fromOf(sample) === domain.from);
  if (domains.filter((other) => other.from === domain.from).length === 1) return read;
  return read.filter((sample) => domains.findIndex((other) => other.from === domain.from && fitsStream(other, sample)) === index);
};

/** The stream's envelope domain: what its sample messages show overrides the profile, which overrides the default. */
export const envelopeOf = (domain: DomainConfig, samples: readonly SampleSeen[]): { returnPath: string; source: ReturnPathSource } => {
  const seen = samples.find((sample) => sample.returnPathDomain !== undefined)?.returnPathDomain;
  if (seen !== undefined) return { returnPath: seen, source: 'seen' };
  return domain.returnPath !== undefined ? { returnPath: domain.returnPath, source: 'declared' } : { returnPath: domain.from, source: 'assumed' };
};
