import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDkimKey } from '../../../../checks/email-auth/dkim/parse-key.js';
import { isDmarcRecord, parseDmarcRecord } from '../../../../checks/email-auth/dmarc/parse.js';
import { oneClickUnsubscribe, parseMessageHeaders } from '../../../../checks/email-auth/message/parse.js';
import { parseTagList } from '../../../../checks/email-auth/tag-list.js';
import { printTagList } from '../print.js';

/**
 * The parsers read whatever DNS or a sample message hands them. These properties hold for any
 * input: no exception, and the defensive catch-all inside each parser is never what answered.
 */

const RSA = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const ED25519 = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64');

const VALID_DKIM = [
  `v=DKIM1; k=rsa; p=${RSA}`,
  `v=DKIM1; h=sha256; t=y:s; s=email; n=note; p=${RSA}`,
  `k=ed25519; p=${ED25519}`,
  'v=DKIM1; p=',
];
const VALID_DMARC = [
  'v=DMARC1; p=reject',
  'v=DMARC1; p=quarantine; sp=none; np=reject; adkim=s; aspf=r; psd=n; t=y; fo=1:d',
  'v=DMARC1; p=none; rua=mailto:a@shop.example,mailto:b@reports.example!10m; ruf=mailto:f@shop.example; pct=50; rf=afrf; ri=86400',
  'v=DMARC1; psd=y; p=reject; rua=https://reports.example/x',
];

/** Random edits of a valid record: the inputs most likely to find a crash in a real parser. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(';', '=', ':', ',', '!', '"', ' ', '\r\n\t', 'v=DMARC1;', 'p=', '\u0000', 'é', '@', '<', '(') }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const apply = (text: string, edit: Mutation): string => {
  const at = text.length === 0 ? 0 : edit.at % (text.length + 1);
  if (edit.kind === 'insert') return text.slice(0, at) + edit.text + text.slice(at);
  if (edit.kind === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  return text.slice(0, at) + text.slice(at, at + edit.length) + text.slice(at);
};

const mutated = (valid: string[]): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...valid), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([text, edits]) => edits.reduce(apply, text));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme-ascii', maxLength: 200 }));

const RUNS = { numRuns: 500 };

describe('parseDkimKey never throws', () => {
  const holds = (text: string): void => {
    const parsed = parseDkimKey(text);
    if (parsed.ok) {
      expect(parsed.key.revoked || parsed.key.bits !== undefined).toBe(true);
    } else {
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(parsed.errors.join('\n')).not.toMatch(/could not be parsed/);
    }
  };

  it('on arbitrary strings', () => fc.assert(fc.property(anyText, holds), RUNS));
  it('on mutations of valid records', () => fc.assert(fc.property(mutated(VALID_DKIM), holds), RUNS));
});

describe('parseDmarcRecord never throws', () => {
  const holds = (text: string): void => {
    const parsed = parseDmarcRecord(text);
    // A record is returned exactly when receivers would treat the text as a DMARC record.
    expect(parsed.record !== undefined).toBe(isDmarcRecord(text));
    if (!parsed.ok) {
      expect(parsed.errors.length).toBeGreaterThan(0);
      expect(parsed.errors.map((issue) => issue.message).join('\n')).not.toMatch(/could not be parsed/);
    }
  };

  it('on arbitrary strings', () => fc.assert(fc.property(anyText, holds), RUNS));
  it('on strings that start like a record', () => fc.assert(fc.property(anyText.map((rest) => `v=DMARC1;${rest}`), holds), RUNS));
  it('on mutations of valid records', () => fc.assert(fc.property(mutated(VALID_DMARC), holds), RUNS));
});

describe('parseDmarcRecord on generated valid records', () => {
  const tag = fc.oneof(
    fc.constantFrom('none', 'quarantine', 'reject').map((value) => ['p', value] as const),
    fc.constantFrom('none', 'quarantine', 'reject').map((value) => ['sp', value] as const),
    fc.constantFrom('none', 'quarantine', 'reject').map((value) => ['np', value] as const),
    fc.constantFrom('r', 's').map((value) => ['adkim', value] as const),
    fc.constantFrom('r', 's').map((value) => ['aspf', value] as const),
    fc.constantFrom('y', 'n', 'u').map((value) => ['psd', value] as const),
    fc.constantFrom('y', 'n').map((value) => ['t', value] as const),
  );

  it('reads every tag back, in any order and case, with any spacing', () =>
    fc.assert(
      fc.property(fc.uniqueArray(tag, { selector: ([name]) => name, maxLength: 7 }), fc.boolean(), fc.constantFrom(';', ' ; ', ';\t'), (tags, upper, separator) => {
        const text = ['v=DMARC1', ...tags.map(([name, value]) => `${upper ? name.toUpperCase() : name}=${upper ? value.toUpperCase() : value}`)].join(separator);
        const parsed = parseDmarcRecord(text);
        expect(parsed.ok).toBe(true);
        for (const [name, value] of tags) expect(parsed.record?.[name]).toBe(value);
      }),
      RUNS,
    ));
});

describe('parseMessageHeaders never throws', () => {
  it('on arbitrary text, and oneClickUnsubscribe copes with whatever it returns', () =>
    fc.assert(
      fc.property(anyText, (text) => {
        const headers = parseMessageHeaders(text);
        expect(headers.problems.join('\n')).not.toMatch(/could not be read/);
        expect(Array.isArray(oneClickUnsubscribe(headers).problems)).toBe(true);
      }),
      RUNS,
    ));
});

describe('tag lists round trip: parse, print, the same record', () => {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,6}$/);
  const run = fc.stringMatching(/^[\x21-\x3a\x3c-\x7e]{1,8}$/);
  const value = fc.array(run, { maxLength: 3 }).map((runs) => runs.join(' '));
  const tags = fc.uniqueArray(fc.record({ name, value }), { selector: (tag) => tag.name, maxLength: 8 });

  it('for any tag list (the syntax DKIM and DMARC share)', () =>
    fc.assert(
      fc.property(tags, (list) => {
        const printed = printTagList(list);
        const parsed = parseTagList(printed);
        expect(parsed).toEqual({ tags: list, problems: [], duplicates: [] });
        expect(printTagList(parsed.tags)).toBe(printed);
      }),
      RUNS,
    ));

  const dkimTag = fc.oneof(
    fc.constantFrom('sha256', 'sha1:sha256').map((v) => ({ name: 'h', value: v })),
    fc.constantFrom('y', 's', 'y:s').map((v) => ({ name: 't', value: v })),
    fc.constantFrom('email', '*').map((v) => ({ name: 's', value: v })),
    run.map((v) => ({ name: 'n', value: v })),
  );
  it('for DKIM key records, which still parse as keys', () =>
    fc.assert(
      fc.property(fc.uniqueArray(dkimTag, { selector: (tag) => tag.name, maxLength: 4 }), fc.constantFrom({ k: 'rsa', p: RSA }, { k: 'ed25519', p: ED25519 }), (extra, key) => {
        const text = printTagList([{ name: 'v', value: 'DKIM1' }, { name: 'k', value: key.k }, ...extra, { name: 'p', value: key.p }]);
        expect(printTagList(parseTagList(text).tags)).toBe(text);
        expect(parseDkimKey(text).ok).toBe(true);
      }),
      RUNS,
    ));

  const dmarcTag = fc.oneof(
    fc.constantFrom('none', 'quarantine', 'reject').map((value) => ({ name: 'sp', value })),
    fc.constantFrom('none', 'quarantine', 'reject').map((value) => ({ name: 'np', value })),
    fc.constantFrom('r', 's').map((value) => ({ name: 'adkim', value })),
    fc.constantFrom('r', 's').map((value) => ({ name: 'aspf', value })),
    fc.constantFrom('y', 'n', 'u').map((value) => ({ name: 'psd', value })),
    fc.constantFrom('y', 'n').map((value) => ({ name: 't', value })),
    fc.constantFrom('mailto:d@shop.example', 'mailto:a@shop.example,mailto:b@reports.example!10m').map((value) => ({ name: 'rua', value })),
    fc.integer({ min: 0, max: 100 }).map((pct) => ({ name: 'pct', value: String(pct) })),
  );
  it('for DMARC records, whose parsed tags print back to the record', () =>
    fc.assert(
      fc.property(fc.constantFrom('none', 'quarantine', 'reject'), fc.uniqueArray(dmarcTag, { selector: (tag) => tag.name, maxLength: 8 }), (p, extra) => {
        const text = printTagList([{ name: 'v', value: 'DMARC1' }, { name: 'p', value: p }, ...extra]);
        const parsed = parseDmarcRecord(text);
        expect(parsed.ok).toBe(true);
        expect(printTagList(parsed.record?.tags ?? [])).toBe(text);
      }),
      RUNS,
    ));
});
