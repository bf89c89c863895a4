import type { DomainArtifact } from '../artifact.js';
import type { EmailAuthVerdict } from './verdict.js';
import { keyName, keyStateOf } from './dkim-keys.js';

const RECOMMENDED_BITS = 2048;
const MINIMUM_BITS = 1024;

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
      if (bits < MINIMUM_BITS) return [{ ...base, expected: `RSA ≥ ${MINIMUM_BITS} bits (receivers reject shorter keys)`, status: 'fail', message: `${subject} is a ${bits}-bit RSA key: receivers reject keys under ${MINIMUM_BITS} bits.`, found }];
      if (bits < RECOMMENDED_BITS) return [{ ...base, expected: `RSA ≥ ${RECOMMENDED_BITS} bits (recommended)`, status: 'warn', message: `${subject} is a ${bits}-bit RSA key: accepted, but ${RECOMMENDED_BITS} bits is recommended.`, found }];
      return [{ ...base, status: 'pass', message: `${subject} is a ${bits}-bit RSA key.`, found }];
    }),
  );
