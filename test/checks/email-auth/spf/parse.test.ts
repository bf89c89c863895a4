import { describe, expect, it } from 'vitest';
import { isSpfRecordText, parseSpfRecord } from '../../../../checks/email-auth/spf/index.js';

describe('parseSpfRecord', () => {
  it('reads directives, dual CIDR lengths, macros and modifiers', () => {
    const result = parseSpfRecord('v=spf1 -a:%{d2}.example.com/24//64 ~mx ip6:2001:db8::/32 exists:%{ir}.%{v}._spf.%{d} redirect=_spf.example.com exp=why.%{d} x-note=hi');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { record } = result;
    expect(record.directives.map((d) => [d.qualifier, d.mechanism.type])).toEqual([
      ['-', 'a'],
      ['~', 'mx'],
      ['+', 'ip6'],
      ['+', 'exists'],
    ]);
    expect(record.directives[0]?.mechanism).toMatchObject({ cidr4: 24, cidr6: 64, domain: { text: '%{d2}.example.com' } });
    expect(record.directives[0]?.mechanism).toMatchObject({ domain: { parts: [{ kind: 'macro', letter: 'd', keep: 2, reverse: false, delimiters: '.' }, { kind: 'literal', text: '.example.com' }] } });
    expect(record.directives[2]?.mechanism).toMatchObject({ network: '2001:db8::', prefix: 32 });
    expect(record.redirect).toMatchObject({ name: 'redirect', position: 85 });
    expect(record.exp?.value.text).toBe('why.%{d}');
    expect(record.terms.at(-1)).toMatchObject({ kind: 'modifier', name: 'x-note' });
  });

  it.each([
    ['v=spf1 ip4:192.0.2.1 -all moo', 26, 'unknown mechanism "moo"'],
    ['v=spf1 a:example.com:8080', 9, '"com:8080" is not a valid top-level label'],
    ['v=spf1 ip4:192.0.2.1/33', 20, '"/33"'],
    ['v=spf1 exists:%{x}.example.com', 14, '"x" is not a macro letter'],
    ['v=spf1 exp=%{r}.example.com -all', 11, 'allowed only in explanation text'],
    ['v=spf1 -all redirect=a.example redirect=b.example', 31, 'redirect= appears more than once'],
    ['v=spf1 a:foo.example.com\r -all', 24, '"\\u{D}" is not allowed'],
    ['v=spf10 -all', 0, 'does not start with "v=spf1"'],
  ])('%j: error at %i', (text, position, message) => {
    const result = parseSpfRecord(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]?.position).toBe(position);
    expect(result.errors[0]?.message).toContain(message);
  });

  it('keeps the readable terms of a broken record', () => {
    const result = parseSpfRecord('v=spf1 include:_spf.example.com bogus -all');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.terms.map((term) => term.kind)).toEqual(['directive', 'invalid', 'directive']);
  });

  it('recognises the version tag only when a space or the end follows it', () => {
    expect([isSpfRecordText('v=spf1'), isSpfRecordText('V=SPF1 -all'), isSpfRecordText('v=spf1mx'), isSpfRecordText(' v=spf1')]).toEqual([true, true, false, false]);
  });
});
