import { readKeyMaterial } from './key-material.js';
import { colonList, parseTagList, withoutWhitespace, type Tag } from '../tag-list.js';

/** A DKIM public-key record (RFC 6376 §3.6.1, RFC 8463) as a verifier would use it. */
export interface DkimKey {
  /** `DKIM1` when v= was given; undefined when omitted (allowed). */
  version: 'DKIM1' | undefined;
  keyType: 'rsa' | 'ed25519';
  /** RSA modulus length, or 256 for Ed25519; undefined only for a revoked key. */
  bits: number | undefined;
  /** How the RSA key was encoded; `raw` for Ed25519 (RFC 8463), undefined when revoked. */
  keyFormat: 'spki' | 'pkcs1' | 'raw' | undefined;
  /** p= with its whitespace removed ('' when revoked). */
  publicKey: string;
  /** Empty p=: the key was withdrawn and every signature made with it fails. */
  revoked: boolean;
  /** h= as listed (lower-cased), or undefined when absent, meaning every algorithm is allowed. */
  hashAlgorithms: string[] | undefined;
  /** h= allows only sha1, which RFC 8301 forbids signers and verifiers to use: nothing can verify. */
  sha1Only: boolean;
  /** s= (default `*`). */
  serviceTypes: string[];
  /** False when s= names neither `*` nor `email` (e.g. `tlsrpt`): mail signatures will not verify. */
  usableForEmail: boolean;
  /** t= flags as listed. */
  flags: string[];
  /** t=y: the domain is testing DKIM; verifiers must not treat a failure differently from no signature. */
  testing: boolean;
  /** t=s: the i= domain of a signature must equal d= exactly. */
  strictSubdomains: boolean;
  /** n= (notes for people). */
  notes: string | undefined;
  /** Tags this parser does not know (ignored, as RFC 6376 requires); `g` is the RFC 4871 granularity tag. */
  ignoredTags: string[];
  /** Things a deliverability engineer should know that do not make the record invalid. */
  warnings: string[];
}

export type DkimKeyParse = { ok: true; key: DkimKey } | { ok: false; errors: string[] };

const KNOWN_TAGS = new Set(['v', 'k', 'h', 'p', 's', 't', 'n']);
const KEY_TYPES = new Set(['rsa', 'ed25519']);
// RFC 6376 §3.3 and RFC 8301: sha256 is the only algorithm a verifier must (and may) accept today.
const USABLE_HASHES = new Set(['sha256']);

interface Fields {
  version: 'DKIM1' | undefined;
  keyType: 'rsa' | 'ed25519';
  hashAlgorithms: string[] | undefined;
  publicKey: string;
  serviceTypes: string[];
  flags: string[];
  notes: string | undefined;
}

const readFields = (tags: Tag[], errors: string[]): Fields | undefined => {
  const value = (name: string): string | undefined => tags.find((tag) => tag.name === name)?.value;
  const version = value('v');
  if (version !== undefined && version !== 'DKIM1') errors.push(`v=${version} is not DKIM1`);
  if (version !== undefined && tags[0]?.name !== 'v') errors.push('v= must be the first tag when present');
  const keyType = (value('k') ?? 'rsa').toLowerCase();
  if (!KEY_TYPES.has(keyType)) errors.push(`k=${keyType} is not a key type verifiers know (rsa, ed25519)`);
  const p = value('p');
  if (p === undefined) errors.push('p= (the public key) is missing');
  if (errors.length > 0 || p === undefined) return undefined;
  const h = value('h');
  return {
    version: version === undefined ? undefined : 'DKIM1',
    keyType: keyType as Fields['keyType'],
    hashAlgorithms: h === undefined ? undefined : colonList(h).map((name) => name.toLowerCase()),
    publicKey: withoutWhitespace(p),
    serviceTypes: colonList(value('s') ?? '*').map((name) => name.toLowerCase()),
    flags: colonList(value('t') ?? ''),
    notes: value('n'),
  };
};

const warningsFor = (fields: Fields, ignoredTags: string[]): string[] => {
  const warnings: string[] = [];
  const hashes = fields.hashAlgorithms;
  if (hashes !== undefined && !hashes.some((name) => USABLE_HASHES.has(name))) {
    warnings.push(`h=${hashes.join(':')} allows no hash algorithm verifiers accept (RFC 8301: sha256 only)`);
  }
  if (!fields.serviceTypes.some((type) => type === '*' || type === 'email')) {
    warnings.push(`s=${fields.serviceTypes.join(':')}: this key is not for email, so mail signed with it fails DKIM`);
  }
  if (fields.flags.includes('y')) warnings.push('t=y: the domain says it is testing DKIM');
  if (ignoredTags.includes('g')) warnings.push('g= (granularity) was removed by RFC 6376 and is ignored');
  return warnings;
};

const build = (fields: Fields, ignoredTags: string[]): DkimKeyParse => {
  const revoked = fields.publicKey === '';
  const material = revoked ? undefined : readKeyMaterial(fields.keyType, fields.publicKey);
  if (material !== undefined && !material.ok) return { ok: false, errors: [material.error] };
  const warnings = warningsFor(fields, ignoredTags);
  if (revoked) warnings.push('p= is empty: the key is revoked');
  if (material?.format === 'pkcs1') warnings.push('p= is a bare PKCS#1 RSAPublicKey; some verifiers accept only SubjectPublicKeyInfo');
  const hashes = fields.hashAlgorithms;
  return {
    ok: true,
    key: {
      ...fields,
      bits: material?.bits,
      keyFormat: material?.format,
      revoked,
      sha1Only: hashes !== undefined && hashes.length > 0 && hashes.every((name) => name === 'sha1'),
      usableForEmail: fields.serviceTypes.some((type) => type === '*' || type === 'email'),
      testing: fields.flags.includes('y'),
      strictSubdomains: fields.flags.includes('s'),
      ignoredTags,
      warnings,
    },
  };
};

/** Parses the TXT value of `<selector>._domainkey.<domain>` (strings already joined). Never throws. */
export const parseDkimKey = (record: string): DkimKeyParse => {
  try {
    const list = parseTagList(record);
    const errors = list.problems.map((problem) => problem.message);
    // RFC 6376 §3.2: a duplicated tag makes the whole tag list invalid.
    for (const name of list.duplicates) errors.push(`${name}= appears more than once`);
    const fields = readFields(list.tags, errors);
    if (fields === undefined || errors.length > 0) return { ok: false, errors };
    const ignoredTags = [...new Set(list.tags.map((tag) => tag.name).filter((name) => !KNOWN_TAGS.has(name)))];
    return build(fields, ignoredTags);
  } catch (error) {
    // Defensive: the contract is "never throws", even on a bug in a helper or in OpenSSL bindings.
    return { ok: false, errors: [`the record could not be parsed (${error instanceof Error ? error.message : String(error)})`] };
  }
};
