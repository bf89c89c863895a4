import { describe, expect, it } from 'vitest';
import { mailboxesOf } from '../../../../checks/email-auth/message/address.js';
import { parseAuthenticationResults } from '../../../../checks/email-auth/message/authentication-results.js';
import { oneClickUnsubscribe, parseMessageHeaders } from '../../../../checks/email-auth/message/parse.js';

const crlf = (lines: string[]): string => lines.join('\r\n');

const SAMPLE = crlf([
  'Return-Path: <bounces+123@em.shop.example>',
  'Authentication-Results: mx.google.com;',
  '       dkim=pass header.i=@shop.example header.s=s1 header.b=abc;',
  '       spf=pass (google.com: domain of bounces+123@em.shop.example designates 192.0.2.1 as permitted sender) smtp.mailfrom="bounces+123@em.shop.example";',
  '       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=shop.example',
  'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=shop.example;',
  '\th=from:subject:list-unsubscribe:list-unsubscribe-post:date;',
  '\ts=s1; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==',
  'DKIM-Signature: v=1; a=rsa-sha256; d=sendgrid.info; s=smtpapi; h=from; b=x; bh=y',
  'From: "Shop, Inc (EU)" <News@Shop.Example> (promotions)',
  'Subject: Black Friday',
  '  starts now',
  'List-Unsubscribe: <mailto:unsub@shop.example?subject=unsubscribe>,',
  ' <https://shop.example/unsubscribe?u=1>',
  'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
  '',
  'Body: not a header',
]);

describe('parseMessageHeaders', () => {
  const headers = parseMessageHeaders(SAMPLE);

  it('unfolds folded fields and stops at the body', () => {
    expect(headers.fields.find((field) => field.name === 'Subject')?.value).toBe('Black Friday  starts now');
    expect(headers.fields.map((field) => field.name)).not.toContain('Body');
    expect(headers.problems).toEqual([]);
  });

  it('reads the From domain past a quoted display name with a comma and comments', () => {
    expect(headers.from).toEqual({ mailboxes: [{ address: 'News@Shop.Example', domain: 'shop.example' }], domain: 'shop.example' });
  });

  it('reads the Return-Path domain', () => {
    expect(headers.returnPath).toEqual({ address: 'bounces+123@em.shop.example', domain: 'em.shop.example' });
  });

  it('reads d=, s= and h= of every DKIM signature, folded or not', () => {
    expect(headers.dkimSignatures.map(({ d, s, a, problems }) => ({ d, s, a, problems }))).toEqual([
      { d: 'shop.example', s: 's1', a: 'rsa-sha256', problems: [] },
      { d: 'sendgrid.info', s: 'smtpapi', a: 'rsa-sha256', problems: [] },
    ]);
    expect(headers.dkimSignatures[0]?.signedHeaders).toEqual(['from', 'subject', 'list-unsubscribe', 'list-unsubscribe-post', 'date']);
  });

  it('reads the unsubscribe URIs inside angle brackets, across a fold', () => {
    expect(headers.listUnsubscribe).toEqual(['mailto:unsub@shop.example?subject=unsubscribe', 'https://shop.example/unsubscribe?u=1']);
    expect(headers.listUnsubscribePost).toEqual(['List-Unsubscribe=One-Click']);
  });

  it('reads what the receiver concluded, comments and quotes included', () => {
    expect(headers.authenticationResults).toEqual([
      {
        authservId: 'mx.google.com',
        results: [
          { method: 'dkim', result: 'pass', properties: { 'header.i': '@shop.example', 'header.s': 's1', 'header.b': 'abc' } },
          { method: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'bounces+123@em.shop.example' } },
          { method: 'dmarc', result: 'pass', properties: { 'header.from': 'shop.example' } },
        ],
      },
    ]);
  });

  it('accepts LF line ends, an mbox separator and a byte-order mark', () => {
    const parsed = parseMessageHeaders('\uFEFFFrom sender@x Mon Nov 30 10:00:00 2026\nFrom: a@b.example\nTo: c@d.example\n\nbody');
    expect(parsed.from.domain).toBe('b.example');
    expect(parsed.problems).toEqual([]);
  });

  it.each([
    ['no From', 'To: a@b.example\r\n\r\n', /no From header/],
    ['two From headers', 'From: a@b.example\r\nFrom: c@d.example\r\n\r\n', /2 From headers/],
    ['two addresses in From', 'From: a@b.example, "X, Y" <c@d.example>\r\n\r\n', /From has 2 addresses/],
    ['a From without a domain', 'From: postmaster\r\n\r\n', /has no domain/],
    ['a line that is not a header', 'From: a@b.example\r\nthis is not a header\r\n\r\n', /not a header line/],
    ['a leading continuation line', ' folded\r\nFrom: a@b.example\r\n\r\n', /starts with a continuation line/],
  ])('reports %s', (_name, raw, message) => {
    expect(parseMessageHeaders(raw).problems).toContainEqual(expect.stringMatching(message));
  });

  it('reports a DKIM signature without d= on that signature', () => {
    expect(parseMessageHeaders('From: a@b.example\r\nDKIM-Signature: v=1; s=x\r\n\r\n').dkimSignatures).toEqual([
      { d: '', s: 'x', a: '', signedHeaders: [], problems: ['DKIM-Signature has no d='] },
    ]);
  });

  it('has no From domain unless there is exactly one', () => {
    expect(parseMessageHeaders('From: a@b.example, c@d.example\r\n\r\n').from.domain).toBeUndefined();
  });

  it('reads the null Return-Path', () => {
    expect(parseMessageHeaders('Return-Path: <>\r\nFrom: a@b.example\r\n\r\n').returnPath).toEqual({ address: '', domain: '' });
  });
});

describe('mailboxesOf', () => {
  it.each([
    ['news@shop.example', [{ address: 'news@shop.example', domain: 'shop.example' }]],
    ['Shop <news@shop.example>', [{ address: 'news@shop.example', domain: 'shop.example' }]],
    ['news@shop.example (Shop (the) News)', [{ address: 'news@shop.example', domain: 'shop.example' }]],
    ['"a@evil.example" <news@shop.example>', [{ address: 'news@shop.example', domain: 'shop.example' }]],
    ['"quoted \\" (not a comment)" <a@b.example>', [{ address: 'a@b.example', domain: 'b.example' }]],
    ['=?UTF-8?B?U2hvcA==?= <news@bücher.example>', [{ address: 'news@bücher.example', domain: 'xn--bcher-kva.example' }]],
    ['Team: a@b.example, c@d.example;', [{ address: 'a@b.example', domain: 'b.example' }, { address: 'c@d.example', domain: 'd.example' }]],
    ['undisclosed-recipients:;', []],
    ['user@[192.0.2.1]', [{ address: 'user@[192.0.2.1]', domain: '[192.0.2.1]' }]],
  ])('reads %s', (value, expected) => {
    expect(mailboxesOf(value)).toEqual(expected);
  });
});

describe('parseAuthenticationResults', () => {
  it('keeps a version number off the authserv-id and ignores a result-less part', () => {
    expect(parseAuthenticationResults('mx.example.net 1; none')).toEqual({ authservId: 'mx.example.net', results: [] });
  });
});

describe('oneClickUnsubscribe', () => {
  const verdict = (lines: string[]) => oneClickUnsubscribe(parseMessageHeaders(crlf([...lines, '', ''])));
  const SIGNED = 'DKIM-Signature: v=1; d=shop.example; s=s1; h=from:list-unsubscribe:list-unsubscribe-post';

  it('accepts an HTTPS URI with the exact POST header, signed by DKIM', () => {
    expect(verdict([SIGNED, 'List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'])).toEqual({
      hasHttpsUrl: true,
      hasPostHeader: true,
      mailtoOnly: false,
      problems: [],
    });
  });

  it.each([
    ['no headers at all', [], { hasHttpsUrl: false, hasPostHeader: false, mailtoOnly: false }, /no List-Unsubscribe header/],
    ['mailto only', ['List-Unsubscribe: <mailto:u@shop.example>'], { mailtoOnly: true }, /only mailto:/],
    ['plain http', ['List-Unsubscribe: <http://shop.example/u>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'], { hasHttpsUrl: false, hasPostHeader: true }, /plain http/],
    ['no POST header', [SIGNED, 'List-Unsubscribe: <https://shop.example/u>'], { hasHttpsUrl: true, hasPostHeader: false }, /no List-Unsubscribe-Post/],
    ['a POST header with another value', ['List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe-Post: List-Unsubscribe=one-click'], { hasPostHeader: false }, /not exactly "List-Unsubscribe=One-Click"/],
    ['two POST headers', ['List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'], { hasPostHeader: false }, /2 List-Unsubscribe-Post headers/],
    ['a POST header with nothing to POST to', ['List-Unsubscribe: <mailto:u@shop.example>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'], { hasPostHeader: true, mailtoOnly: true }, /no HTTPS URI to POST to/],
    ['a URI without angle brackets', ['List-Unsubscribe: https://shop.example/u'], { hasHttpsUrl: false }, /no URI in <angle brackets>/],
    ['two List-Unsubscribe headers', ['List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe: <https://shop.example/v>'], {}, /2 List-Unsubscribe headers/],
    ['no DKIM signature over the headers', ['DKIM-Signature: v=1; d=shop.example; s=s1; h=from:list-unsubscribe', 'List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'], { hasHttpsUrl: true, hasPostHeader: true }, /no DKIM signature covers both/],
  ])('flags %s', (_name, lines, expected, problem) => {
    const result = verdict(lines);
    expect(result).toMatchObject(expected);
    expect(result.problems).toContainEqual(expect.stringMatching(problem));
  });

  it('trims whitespace around the POST value but nothing else', () => {
    expect(verdict([SIGNED, 'List-Unsubscribe: <https://shop.example/u>', 'List-Unsubscribe-Post:   List-Unsubscribe=One-Click  ']).hasPostHeader).toBe(true);
  });
});
