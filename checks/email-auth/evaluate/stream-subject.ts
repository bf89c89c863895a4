import type { DomainArtifact } from '../artifact.js';

/**
 * The subject of a per-stream finding. One stream of a From domain keeps the plain domain (what
 * suppressions and baselines already key on); several get the profile entry's name, else their
 * Return-Path and selectors, so each can be suppressed on its own.
 */
export const streamSubject = (domain: DomainArtifact, domains: readonly DomainArtifact[]): string => {
  if (domains.filter((other) => other.from === domain.from).length <= 1) return domain.from;
  if (domain.name !== undefined) return `${domain.from} (${domain.name})`;
  const selectors = domain.dkim.filter((seen) => !seen.probed).map((seen) => seen.selector);
  return `${domain.from} (Return-Path ${domain.returnPath}${selectors.length > 0 ? `, s=${selectors.join(', s=')}` : ''})`;
};
