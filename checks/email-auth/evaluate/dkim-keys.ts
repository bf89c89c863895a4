import type { DkimSeen, DomainArtifact } from '../artifact.js';
import { parseDkimKey, type DkimKey } from '../dkim/parse-key.js';
import { isDnsTrouble } from '../dns-seen.js';

/** What one selector's DNS answer says about its key: shared by dkim-record, dkim-key-size and alignment. */
export type KeyState =
  | { state: 'trouble' }
  | { state: 'absent' }
  | { state: 'ambiguous'; count: number }
  | { state: 'invalid'; errors: string[] }
  | { state: 'key'; key: DkimKey };

// A TXT set at a DKIM name may hold unrelated strings (site verification); keys carry p=.
const looksLikeKey = (text: string): boolean => /(^|;)\s*p\s*=/.test(text);

export const keyStateOf = (seen: DkimSeen): KeyState => {
  if (isDnsTrouble(seen.answer)) return { state: 'trouble' };
  const candidates = seen.answer.records.filter(looksLikeKey);
  if (candidates.length === 0) return seen.answer.records.length === 0 ? { state: 'absent' } : { state: 'invalid', errors: ['no p= tag in the TXT record'] };
  if (candidates.length > 1) return { state: 'ambiguous', count: candidates.length };
  const parsed = parseDkimKey(candidates[0]!);
  return parsed.ok ? { state: 'key', key: parsed.key } : { state: 'invalid', errors: parsed.errors };
};

export const keyName = (seen: DkimSeen): string => `${seen.selector}._domainkey.${seen.domain}`;

/** Usable keys: published, not revoked, usable for email. What DKIM alignment can rely on. */
export const usableKeys = (domain: DomainArtifact): DkimSeen[] =>
  domain.dkim.filter((seen) => {
    const state = keyStateOf(seen);
    return state.state === 'key' && !state.key.revoked && state.key.usableForEmail && !state.key.sha1Only;
  });
