import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SpfParseResult, parseSpfRecord } from '../../../../checks/email-auth/spf/index.js';
import { printSpf, spfMeaning } from '../print.js';
import { mutate, mutation, validRecord } from './arbitraries.js';

/** Whatever came back, it is well-formed: positions inside the text, terms where they say they are. */
const expectWellFormed = (text: string, result: SpfParseResult): void => {
  const terms = result.ok ? result.record.terms : result.terms;
  for (const term of terms) expect(text.slice(term.position, term.position + term.text.length)).toBe(term.text);
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(error.position).toBeGreaterThanOrEqual(0);
    expect(error.position + error.length).toBeLessThanOrEqual(text.length);
    expect(error.message).not.toBe('');
  }
};

describe('parseSpfRecord properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectWellFormed(text, parseSpfRecord(text))),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text after the version tag', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (rest) => {
        const text = `v=spf1 ${rest}`;
        expectWellFormed(text, parseSpfRecord(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('accepts every generated valid record, term for term', () => {
    fc.assert(
      fc.property(validRecord, ({ text, terms }) => {
        const result = parseSpfRecord(text);
        expect(result.ok ? [] : result.errors).toEqual([]);
        if (result.ok) expect(result.record.terms).toHaveLength(terms);
        expectWellFormed(text, result);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutations of valid records', () => {
    fc.assert(
      fc.property(validRecord, fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ text }, mutations) => {
        const mutated = mutate(text, mutations);
        expectWellFormed(mutated, parseSpfRecord(mutated));
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on values that are not strings at run time', () => {
    for (const value of [undefined, null, 42, {}, []]) expect(parseSpfRecord(value as unknown as string).ok).toBe(false);
  });
});

describe('parseSpfRecord round trip', () => {
  it('parses what it printed from a parsed record into the same record', () => {
    fc.assert(
      fc.property(validRecord, ({ text }) => {
        const parsed = parseSpfRecord(text);
        if (!parsed.ok) throw new Error(`a generated valid record did not parse: ${text}`);
        const printed = printSpf(parsed.record);
        const again = parseSpfRecord(printed);
        if (!again.ok) throw new Error(`the printed record did not parse: ${printed}`);
        expect(spfMeaning(again.record)).toEqual(spfMeaning(parsed.record));
        expect(printSpf(again.record)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });
});
