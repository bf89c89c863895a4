import type { DkimSeen, DomainArtifact } from '../artifact.js';
import { pslOrganizationalDomain } from '../domains.js';
import type { EmailAuthVerdict } from './verdict.js';
import { keyName, keyStateOf } from './dkim-keys.js';

const RECOMMENDED_BITS = 2048;
const MINIMUM_BITS = 1024;

/**
 * Who holds the key, when not the store: the organisation behind the CNAME the selector points to
 * (SendGrid's s1.domainkey.u….sendgrid.net), or of a d= domain outside the From domain's. Only they can rotate it.
 */
const providerOf = (seen: DkimSeen, from: string): string | undefined => {
  const home = pslOrganizationalDomain(from);
  return [seen.answer.cnames.at(-1), seen.domain].map((name) => (name === undefined ? undefined : pslOrganizationalDomain(name))).find((org) => org !== undefined && org !== home);
};

/** Every published, unrevoked key: RSA under 1024 fails, 1024 to 2047 warns, Ed25519 passes. */
export const dkimKeySize = (domains: DomainArtifact[]): EmailAuthVerdict[] =>
  domains.flatMap((domain) =>
    domain.dkim.flatMap((seen): EmailAuthVerdict[] => {
      const state = keyStateOf(seen);
      if (state.state !== 'key' || state.key.revoked) return [];
      const { key } = state;
      const subject = keyName(seen);
      const base = { rule: 'dkim-key-size', subject, expected: `RSA ≥ ${RECOMMENDED_BITS} bits, or Ed25519`, evidence: { keyType: key.keyType, bits: key.bits ?? null } } as const;
      if (key.keyType === 'ed25519') return [{ ...base, status: 'pass', message: `${subject} is an Ed25519 key.`, found: 'Ed25519' }];
      const bits = key.bits ?? 0;
      const found = `RSA ${bits} bits`;
      // expected names the threshold that decided: the minimum for a fail, the recommendation for a warn.
      const provider = providerOf(seen, domain.from);
      const owner = provider === undefined ? {} : { evidence: { ...base.evidence, owner: provider } };
      if (bits < MINIMUM_BITS) {
        const fix = provider === undefined ? {} : { fix: `The key is held at ${provider} (behind your CNAME): ask them to rotate it to 2048 bits, or switch to a selector whose key they have rotated.` };
        return [{ ...base, ...owner, ...fix, expected: `RSA ≥ ${MINIMUM_BITS} bits (receivers reject shorter keys)`, status: 'fail', message: `${subject} is a ${bits}-bit RSA key: receivers reject keys under ${MINIMUM_BITS} bits.`, found }];
      }
      // Accepted, and the provider's to rotate: a note for the store, not a warning it could act on.
      if (bits < RECOMMENDED_BITS && provider !== undefined) {
        return [{ ...base, ...owner, expected: `RSA ≥ ${MINIMUM_BITS} bits; ${RECOMMENDED_BITS} recommended (the key holder rotates it)`, status: 'pass', message: `${subject} is a ${bits}-bit RSA key held at ${provider}: accepted. Note: ${provider}, not you, rotates it to ${RECOMMENDED_BITS} bits; ask them if they have a newer selector.`, found }];
      }
      if (bits < RECOMMENDED_BITS) return [{ ...base, expected: `RSA ≥ ${RECOMMENDED_BITS} bits (recommended)`, status: 'warn', message: `${subject} is a ${bits}-bit RSA key: accepted, but ${RECOMMENDED_BITS} bits is recommended.`, found }];
      return [{ ...base, status: 'pass', message: `${subject} is a ${bits}-bit RSA key.`, found }];
    }),
  );
