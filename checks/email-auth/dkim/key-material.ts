import { createPublicKey } from 'node:crypto';

/** What the p= bytes turned out to hold. */
export type KeyMaterial =
  | { ok: true; keyType: 'rsa'; bits: number; format: 'spki' | 'pkcs1' }
  | { ok: true; keyType: 'ed25519'; bits: 256; format: 'raw' }
  | { ok: false; error: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64: Buffer.from silently drops bad characters, which would hide a corrupted record. */
export const decodeBase64 = (text: string): Buffer | undefined => (BASE64.test(text) ? Buffer.from(text, 'base64') : undefined);

const ED25519_RAW_BYTES = 32;
// An Ed25519 SubjectPublicKeyInfo is 12 bytes of DER header plus the 32-byte key.
const ED25519_SPKI_BYTES = 44;

type Parsed = { keyType: string | undefined; bits: number | undefined };

const tryDer = (der: Buffer, type: 'spki' | 'pkcs1'): Parsed | undefined => {
  try {
    const key = createPublicKey({ key: der, format: 'der', type });
    return { keyType: key.asymmetricKeyType, bits: key.asymmetricKeyDetails?.modulusLength };
  } catch {
    return undefined;
  }
};

/**
 * RFC 6376 §3.6.1 asks for an RSA key in SubjectPublicKeyInfo form (what `openssl rsa -pubout`
 * writes); a bare PKCS#1 RSAPublicKey is accepted by OpenSSL-based verifiers but not by all, so
 * the format is reported for the caller to warn about. OpenSSL's DER reader is strict enough to
 * reject a corrupted key, so no hand-written DER fallback is needed.
 */
const readRsa = (der: Buffer): KeyMaterial => {
  for (const format of ['spki', 'pkcs1'] as const) {
    const parsed = tryDer(der, format);
    if (parsed === undefined) continue;
    if (parsed.keyType === 'rsa' && parsed.bits !== undefined) return { ok: true, keyType: 'rsa', bits: parsed.bits, format };
    return { ok: false, error: `k=rsa but p= holds ${parsed.keyType ?? 'an unknown'} key` };
  }
  return { ok: false, error: 'p= is not a DER-encoded RSA public key (corrupted or truncated)' };
};

/** RFC 8463 §4.2: p= is the raw 32-byte Ed25519 key, not a SubjectPublicKeyInfo. */
const readEd25519 = (bytes: Buffer): KeyMaterial => {
  if (bytes.length === ED25519_RAW_BYTES) return { ok: true, keyType: 'ed25519', bits: 256, format: 'raw' };
  if (bytes.length === ED25519_SPKI_BYTES && tryDer(bytes, 'spki')?.keyType === 'ed25519') {
    return { ok: false, error: 'p= holds an Ed25519 SubjectPublicKeyInfo (44 bytes); RFC 8463 requires the raw 32-byte key' };
  }
  return { ok: false, error: `p= is ${bytes.length} bytes; an Ed25519 key is exactly ${ED25519_RAW_BYTES}` };
};

/** Reads the key in a non-empty p= value (whitespace already removed). Never throws. */
export const readKeyMaterial = (keyType: 'rsa' | 'ed25519', base64: string): KeyMaterial => {
  const bytes = decodeBase64(base64);
  if (bytes === undefined) return { ok: false, error: 'p= is not valid base64' };
  return keyType === 'rsa' ? readRsa(bytes) : readEd25519(bytes);
};
