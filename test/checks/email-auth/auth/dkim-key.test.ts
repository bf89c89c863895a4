import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDkimKey, type DkimKey, type DkimKeyParse } from '../../../../checks/email-auth/dkim/parse-key.js';
import { parseTagList } from '../../../../checks/email-auth/tag-list.js';
import { ROOT } from '../../../helpers/cli.js';

const fixture = (name: string): string => readFileSync(path.join(ROOT, 'fixtures/conformance/dkim', name), 'utf8').trim();

const rsaKey = (bits: number, type: 'spki' | 'pkcs1' = 'spki'): string =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ type, format: 'der' }).toString('base64');
const ed25519 = generateKeyPairSync('ed25519').publicKey;
const ed25519Raw = Buffer.from(ed25519.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64');
const ed25519Spki = ed25519.export({ type: 'spki', format: 'der' }).toString('base64');
const RSA_1024 = rsaKey(1024);

const keyOf = (parsed: DkimKeyParse): DkimKey => {
  if (!parsed.ok) throw new Error(`expected ok, got ${parsed.errors.join('; ')}`);
  return parsed.key;
};
const errorsOf = (parsed: DkimKeyParse): string[] => (parsed.ok ? [] : parsed.errors);

describe('parseDkimKey on the dkimpy fixtures', () => {
  it.each([
    ['test.txt', { keyType: 'rsa', bits: 1024, version: 'DKIM1', usableForEmail: true }],
    ['test2.txt', { keyType: 'rsa', bits: 1024 }],
    ['test_tlsrpt.txt', { keyType: 'rsa', bits: 1024, serviceTypes: ['tlsrpt'], usableForEmail: false }],
    ['ed25519test.dns', { keyType: 'ed25519', bits: 256, keyFormat: 'raw', version: undefined }],
    ['eximtest.dns', { keyType: 'ed25519', bits: 256, keyFormat: 'raw', version: 'DKIM1' }],
  ])('%s is a valid key', (file, expected) => {
    expect(keyOf(parseDkimKey(fixture(file)))).toMatchObject({ revoked: false, ...expected });
  });

  it.each([
    ['badversion.txt', /v=DKIM1: g=\* is not DKIM1/],
    ['badk.txt', /k=ed25519-sha256 is not a key type/],
    ['test_bad.txt', /not a DER-encoded RSA public key/],
  ])('%s is rejected', (file, message) => {
    expect(errorsOf(parseDkimKey(fixture(file)))).toContainEqual(expect.stringMatching(message));
  });

  it('warns that g= is obsolete and s=tlsrpt keys do not verify mail', () => {
    expect(keyOf(parseDkimKey(fixture('test.txt')))).toMatchObject({ ignoredTags: ['g'], warnings: [expect.stringMatching(/g= .*removed/)] });
    expect(keyOf(parseDkimKey(fixture('test_tlsrpt.txt'))).warnings).toContainEqual(expect.stringMatching(/not for email/));
  });
});

describe('parseDkimKey key sizes', () => {
  it.each([512, 1024, 2048])('reads a %i-bit RSA key from its SubjectPublicKeyInfo', (bits) => {
    expect(keyOf(parseDkimKey(`v=DKIM1; k=rsa; p=${rsaKey(bits)}`))).toMatchObject({ keyType: 'rsa', bits, keyFormat: 'spki' });
  });

  it('reads a bare PKCS#1 RSAPublicKey and warns about it', () => {
    const key = keyOf(parseDkimKey(`v=DKIM1; p=${rsaKey(1024, 'pkcs1')}`));
    expect(key).toMatchObject({ bits: 1024, keyFormat: 'pkcs1' });
    expect(key.warnings).toContainEqual(expect.stringMatching(/PKCS#1/));
  });

  it('reads a raw Ed25519 key as 256 bits', () => {
    expect(keyOf(parseDkimKey(`v=DKIM1; k=ed25519; p=${ed25519Raw}`))).toMatchObject({ keyType: 'ed25519', bits: 256, keyFormat: 'raw' });
  });

  it.each([
    ['an Ed25519 SubjectPublicKeyInfo in p=', `k=ed25519; p=${ed25519Spki}`, /RFC 8463 requires the raw 32-byte key/],
    ['an Ed25519 key of the wrong length', `k=ed25519; p=${Buffer.alloc(31).toString('base64')}`, /31 bytes/],
    ['an Ed25519 key published as k=rsa', `k=rsa; p=${ed25519Spki}`, /k=rsa but p= holds ed25519 key/],
    ['p= that is not base64', 'k=rsa; p=MIGf!!MA0G', /not valid base64/],
    ['p= with broken base64 padding', `k=rsa; p=${RSA_1024.replace(/=+$/, '')}=`, /not valid base64/],
  ])('rejects %s', (_name, record, message) => {
    expect(errorsOf(parseDkimKey(record))).toContainEqual(expect.stringMatching(message));
  });
});

describe('parseDkimKey tags', () => {
  it('treats an empty p= as revoked, with no key size', () => {
    const key = keyOf(parseDkimKey('v=DKIM1; k=rsa; p='));
    expect(key).toMatchObject({ revoked: true, bits: undefined, publicKey: '' });
    expect(key.warnings).toContainEqual(expect.stringMatching(/revoked/));
  });

  it.each([
    ['t=y', { flags: ['y'], testing: true, strictSubdomains: false }],
    ['t=s', { flags: ['s'], testing: false, strictSubdomains: true }],
    ['t = y : s : x', { flags: ['y', 's', 'x'], testing: true, strictSubdomains: true }],
  ])('reads the flags of %s', (t, expected) => {
    expect(keyOf(parseDkimKey(`v=DKIM1; ${t}; p=${RSA_1024}`))).toMatchObject(expected);
  });

  it.each([
    ['h=sha1', true, true],
    ['h=SHA1', true, true],
    ['h=sha256', false, false],
    ['h=sha1:sha256', false, false],
    ['h=md5', false, true],
  ])('%s: sha1Only=%s, warned=%s', (h, sha1Only, warned) => {
    const key = keyOf(parseDkimKey(`v=DKIM1; ${h}; p=${RSA_1024}`));
    expect(key.sha1Only).toBe(sha1Only);
    expect(key.warnings.some((warning) => /no hash algorithm/.test(warning))).toBe(warned);
  });

  it('defaults k=rsa, s=* and no h= restriction', () => {
    expect(keyOf(parseDkimKey(`p=${RSA_1024}`))).toMatchObject({ keyType: 'rsa', serviceTypes: ['*'], hashAlgorithms: undefined, sha1Only: false, flags: [], version: undefined });
  });

  it('reads s=email, n= and ignores unknown tags', () => {
    expect(keyOf(parseDkimKey(`v=DKIM1; s=email:tlsrpt; n=rotated-2026; xfoo=bar; p=${RSA_1024}`))).toMatchObject({
      serviceTypes: ['email', 'tlsrpt'],
      usableForEmail: true,
      notes: 'rotated-2026',
      ignoredTags: ['xfoo'],
    });
  });

  it('accepts folding whitespace around tags and inside p= (a multi-string TXT record joined)', () => {
    const half = Math.floor(RSA_1024.length / 2);
    const folded = ` v = DKIM1 ;\r\n\tk=rsa;  p= ${RSA_1024.slice(0, half)}\r\n ${RSA_1024.slice(half)} ;`;
    expect(keyOf(parseDkimKey(folded))).toMatchObject({ bits: 1024, publicKey: RSA_1024 });
  });

  it.each([
    ['v= that is not first', `k=rsa; v=DKIM1; p=${RSA_1024}`, /v= must be the first tag/],
    ['v=DKIM2', `v=DKIM2; p=${RSA_1024}`, /v=DKIM2 is not DKIM1/],
    ['a lower-case version', `v=dkim1; p=${RSA_1024}`, /v=dkim1 is not DKIM1/],
    ['no p=', 'v=DKIM1; k=rsa', /p= \(the public key\) is missing/],
    ['a duplicated tag', `v=DKIM1; k=rsa; k=rsa; p=${RSA_1024}`, /k= appears more than once/],
    ['a segment without =', 'v=DKIM1; k=rsa; omgwhatsgoingon', /"omgwhatsgoingon" is not a tag=value pair/],
    ['a bad tag name', `v=DKIM1; 9k=rsa; p=${RSA_1024}`, /"9k" is not a valid tag name/],
    ['a control character', `v=DKIM1; n=a\u0001b; p=${RSA_1024}`, /n= has a character that is not allowed/],
    ['an unknown key type', `v=DKIM1; k=dsa; p=${RSA_1024}`, /k=dsa is not a key type/],
  ])('rejects %s', (_name, record, message) => {
    expect(errorsOf(parseDkimKey(record))).toContainEqual(expect.stringMatching(message));
  });

  it('lists every error at once', () => {
    expect(errorsOf(parseDkimKey('v=DKIM2; k=dsa; k=rsa'))).toHaveLength(4);
  });
});

describe('parseTagList', () => {
  it('skips empty segments and keeps names as written', () => {
    expect(parseTagList('a=1;; B = 2 ;')).toEqual({ tags: [{ name: 'a', value: '1' }, { name: 'B', value: '2' }], problems: [], duplicates: [] });
  });

  it('reports duplicates by the caller\'s notion of a name', () => {
    expect(parseTagList('p=1; P=2').duplicates).toEqual([]);
    expect(parseTagList('p=1; P=2', (name) => name.toLowerCase()).duplicates).toEqual(['p']);
  });
});
