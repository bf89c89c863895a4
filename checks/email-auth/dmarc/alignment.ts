import { normalizeDomain, pslOrgDomainOf, type OrgDomainOf } from '../domains.js';
import type { AlignmentMode } from './parse.js';

/**
 * Identifier alignment (RFC 9989 "Identifier Alignment"; RFC 7489 §3.1): DMARC passes when SPF or DKIM
 * passes for a domain aligned with the RFC5322.From domain. Strict mode wants the exact name;
 * relaxed mode the same organizational domain. Pure: organizational domains come from `orgDomainOf`
 * (the PSL for the RFC 7489 view, or RFC 9989 tree-walk results gathered beforehand).
 */

export interface IdentifierAlignment {
  /** The authenticated identifier: the MAIL FROM (Return-Path) domain, or a signature's d=. */
  domain: string;
  mode: AlignmentMode;
  /** Whether SPF / this signature passes, as given by the caller. */
  passes: boolean;
  /** undefined when relaxed alignment needed an organizational domain that could not be determined. */
  aligned: boolean | undefined;
  fromOrg: string | undefined;
  otherOrg: string | undefined;
}

export interface AlignmentInput {
  /** The RFC5322.From domain. */
  from: string;
  /** The RFC5321.MailFrom domain and whether SPF passes for it. */
  spf?: { domain: string; passes: boolean };
  /** Each DKIM signature's d= and whether it verifies. */
  dkim?: { domain: string; passes: boolean }[];
  /** From the DMARC record; both default to relaxed. */
  aspf?: AlignmentMode;
  adkim?: AlignmentMode;
}

export type DmarcPassesVia = 'spf' | 'dkim' | 'both' | 'neither' | 'unknown';

export interface AlignmentResult {
  from: string;
  spf: IdentifierAlignment | undefined;
  dkim: IdentifierAlignment[];
  /** 'unknown': nothing passes aligned for sure, but a passing identifier's alignment is unknown. */
  dmarcPassesVia: DmarcPassesVia;
}

const align = (from: string, identifier: { domain: string; passes: boolean }, mode: AlignmentMode, orgDomainOf: OrgDomainOf): IdentifierAlignment => {
  const domain = normalizeDomain(identifier.domain);
  const fromOrg = orgDomainOf(from);
  const otherOrg = orgDomainOf(domain);
  const exact = domain !== '' && domain === from;
  const aligned = exact || mode === 's' ? exact : fromOrg === undefined || otherOrg === undefined ? undefined : fromOrg === otherOrg;
  return { domain, mode, passes: identifier.passes, aligned, fromOrg, otherOrg };
};

const passesVia = (spf: IdentifierAlignment | undefined, dkim: IdentifierAlignment[]): DmarcPassesVia => {
  const byDkim = dkim.some((signature) => signature.passes && signature.aligned === true);
  const bySpf = spf !== undefined && spf.passes && spf.aligned === true;
  if (bySpf && byDkim) return 'both';
  if (bySpf) return 'spf';
  if (byDkim) return 'dkim';
  const undecided = [...(spf ? [spf] : []), ...dkim].some((identifier) => identifier.passes && identifier.aligned === undefined);
  return undecided ? 'unknown' : 'neither';
};

export const checkAlignment = (input: AlignmentInput, orgDomainOf: OrgDomainOf = pslOrgDomainOf): AlignmentResult => {
  const from = normalizeDomain(input.from);
  const spf = input.spf === undefined ? undefined : align(from, input.spf, input.aspf ?? 'r', orgDomainOf);
  const dkim = (input.dkim ?? []).map((signature) => align(from, signature, input.adkim ?? 'r', orgDomainOf));
  return { from, spf, dkim, dmarcPassesVia: passesVia(spf, dkim) };
};
