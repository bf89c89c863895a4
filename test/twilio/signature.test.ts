import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTwilioRequest, validateTwilioSignature } from '../../src/twilio/signature.js';

// The vectors of research §2.2, from twilio-node's spec/validation.spec.js.
const TOKEN = '12345';
const URL_ = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const PARAMS = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
const BODY = '{"property": "value", "boolean": true}';
const BODY_SHA256 = '0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620';

describe('signTwilioRequest: every vector of the research', () => {
  it.each([
    ['the base URL', URL_, 'RSOYDt4T1cUTdK1PDd93/VVr8B8='],
    ['the same URL with :443', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', 'kvajT1Ptam85bY51eRf/AJRuM3w='],
    ['http:// with :80', 'http://mycompany.com:80/myapp.php?foo=1&bar=2', '0ZXoZLH/DfblKGATFgpif+LLRf4='],
    ['http://…:1234', 'http://mycompany.com:1234/myapp.php?foo=1&bar=2', 'Zmvh+3yNM1Phv2jhDCwEM3q5ebU='],
    ['https://user:pass@…', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2', 'CukzLTc1tT5dXEDIHm/tKBanW10='],
  ])('%s', (_, url, expected) => {
    expect(signTwilioRequest(TOKEN, url, PARAMS)).toBe(expected);
  });

  it('a JSON body: the URL carries bodySHA256 and only the URL is signed', () => {
    expect(createHash('sha256').update(BODY).digest('hex')).toBe(BODY_SHA256);
    expect(signTwilioRequest(TOKEN, `${URL_}&bodySHA256=${BODY_SHA256}`, {})).toBe('a9nBmqA0ju/hNViExpshrM61xv4=');
  });
});

describe('signTwilioRequest: the further vectors of twilio-node', () => {
  it.each([
    ['https://user@…', 'https://user@mycompany.com/myapp.php?foo=1&bar=2', PARAMS, '2YRLlVAflCqxaNicjMpJcSTgzSs='],
    ['credentials and :443', 'https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2', PARAMS, 'ZQFR1PTIZXF2MXB8ZnKCvnnA+rI='],
    ['only bodySHA256 in the query', `https://mycompany.com/myapp.php?bodySHA256=${BODY_SHA256}`, {}, 'y77kIzt2vzLz71DgmJGsen2scGs='],
    ['a repeated parameter', URL_, { 'MessagingBinding.Address': ['+1325xxxxxxx', '+1415xxxxxxx'] }, '83O6e2vORAoJHUNzJjDWN1jz+BA='],
    ['its values in another order', URL_, { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] }, '83O6e2vORAoJHUNzJjDWN1jz+BA='],
    ['repeated values, one duplicated', URL_, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] }, 'IK+Dwps556ElfBT0I3Rgjkr1wJU='],
    ['a raw single quote in the query', `${URL_}&Body=It's+amazing`, PARAMS, 'dsq4Ehbj6cs+KdTkpF5sSSplOWw='],
  ])('%s', (_, url, params, expected) => {
    expect(signTwilioRequest(TOKEN, url, params)).toBe(expected);
  });

  it('appends name+value with no delimiter, names sorted by UTF-16 code unit (uppercase first)', () => {
    const expected = createHmac('sha1', 'k').update('https://a.example/hBody=2Zeta3alpha1').digest('base64');
    expect(signTwilioRequest('k', 'https://a.example/h', { alpha: '1', 'Body=': '2', Zeta: '3' })).toBe(expected);
  });

  it('signs the UTF-8 bytes of decoded values', () => {
    const expected = createHmac('sha1', 'k').update(Buffer.from('https://a.example/hBodyArrête 🛑', 'utf8')).digest('base64');
    expect(signTwilioRequest('k', 'https://a.example/h', { Body: 'Arrête 🛑' })).toBe(expected);
  });
});

describe('validateTwilioSignature', () => {
  const valid = (signature: string | undefined, url: string, params: Record<string, string | string[]> = PARAMS): boolean =>
    validateTwilioSignature(TOKEN, signature, url, params);

  it('accepts the right signature and refuses a wrong, empty or missing one', () => {
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL_)).toBe(true);
    expect(valid('WRONG_SIGNATURE', URL_)).toBe(false);
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8', URL_)).toBe(false);
    expect(valid('', URL_)).toBe(false);
    expect(valid(undefined, URL_)).toBe(false);
  });

  it('refuses when a parameter or the token differs', () => {
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL_, { ...PARAMS, Digits: '1235' })).toBe(false);
    expect(validateTwilioSignature('54321', 'RSOYDt4T1cUTdK1PDd93/VVr8B8=', URL_, PARAMS)).toBe(false);
  });

  it('refuses a different query string', () => {
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', `${URL_}&somethingUnexpected=true`)).toBe(false);
    const signature = signTwilioRequest('s3cr3t', 'https://example.com/path?test=param', {});
    expect(validateTwilioSignature('s3cr3t', signature, 'https://example.com/path?test=param2', {})).toBe(false);
  });

  it('https with and without :443 validate against each other, both ways', () => {
    expect(valid('kvajT1Ptam85bY51eRf/AJRuM3w=', URL_)).toBe(true);
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'https://mycompany.com:443/myapp.php?foo=1&bar=2')).toBe(true);
    expect(valid('kvajT1Ptam85bY51eRf/AJRuM3w=', 'https://mycompany.com:443/myapp.php?foo=1&bar=2')).toBe(true);
  });

  it('http without a port validates the signature made with :80', () => {
    expect(valid('0ZXoZLH/DfblKGATFgpif+LLRf4=', 'http://mycompany.com/myapp.php?foo=1&bar=2')).toBe(true);
  });

  it('a non-standard port: https validates the port-less signature, http needs the one with the port', () => {
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'https://mycompany.com:1234/myapp.php?foo=1&bar=2')).toBe(true);
    expect(valid('Zmvh+3yNM1Phv2jhDCwEM3q5ebU=', 'http://mycompany.com:1234/myapp.php?foo=1&bar=2')).toBe(true);
  });

  it('credentials are part of the signed URL, with or without :443', () => {
    expect(valid('CukzLTc1tT5dXEDIHm/tKBanW10=', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true);
    expect(valid('ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=', 'https://user:pass@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true);
    expect(valid('2YRLlVAflCqxaNicjMpJcSTgzSs=', 'https://user@mycompany.com/myapp.php?foo=1&bar=2')).toBe(true);
    expect(valid('CukzLTc1tT5dXEDIHm/tKBanW10=', URL_)).toBe(false);
  });

  it('repeated parameters validate whatever the order of their values', () => {
    expect(valid('83O6e2vORAoJHUNzJjDWN1jz+BA=', URL_, { 'MessagingBinding.Address': ['+1415xxxxxxx', '+1325xxxxxxx'] })).toBe(true);
    expect(valid('IK+Dwps556ElfBT0I3Rgjkr1wJU=', URL_, { Sid: 'CA123', SidAccount: 'AC123', Digits: ['1234', '5678'] })).toBe(true);
  });

  it('the bodySHA256 vectors validate with no parameters (the empty-body one only with :443 added)', () => {
    expect(valid('a9nBmqA0ju/hNViExpshrM61xv4=', `${URL_}&bodySHA256=${BODY_SHA256}`, {})).toBe(true);
    const emptyBody = createHash('sha256').update('{}').digest('hex');
    const url = `${URL_}&bodySHA256=${emptyBody}`;
    expect(signTwilioRequest(TOKEN, url, {})).not.toBe('Ldidvp12m26NI7eqEvxnEpkd9Hc=');
    expect(signTwilioRequest(TOKEN, url.replace('.com/', '.com:443/'), {})).toBe('Ldidvp12m26NI7eqEvxnEpkd9Hc=');
    expect(valid('Ldidvp12m26NI7eqEvxnEpkd9Hc=', url, {})).toBe(true);
  });

  describe('a single quote in the query validates escaped or not (s3cr3t vectors)', () => {
    const sign = (url: string): string => signTwilioRequest('s3cr3t', url, {});
    it.each([
      ["https://example.com/path?test=param'WithQuote", "https://example.com/path?test=param'WithQuote"],
      ["https://example.com/path?test=param'WithQuote", 'https://example.com/path?test=param%27WithQuote'],
      ['https://example.com/path?test=param%27WithQuote', "https://example.com/path?test=param'WithQuote"],
      ['https://example.com/path?test=param%27WithQuote', 'https://example.com/path?test=param%27WithQuote'],
    ])('signed over %s, reached at %s', (signed, reached) => {
      expect(validateTwilioSignature('s3cr3t', sign(signed), reached, {})).toBe(true);
    });
  });

  it("twilio-node's older special-character vector no longer validates: a '+' beside a quote fits none of the four URL forms", () => {
    // Signed over the raw URL (see above); the WHATWG form writes %27 and the legacy query turns '+' into %20.
    expect(valid('dsq4Ehbj6cs+KdTkpF5sSSplOWw=', `${URL_}&Body=It's+amazing`)).toBe(false);
    expect(valid(signTwilioRequest(TOKEN, `${URL_}&Body=It%27s+amazing`, PARAMS), `${URL_}&Body=It's+amazing`)).toBe(true);
  });

  it('a URL that does not parse never validates', () => {
    expect(valid('RSOYDt4T1cUTdK1PDd93/VVr8B8=', 'not a url')).toBe(false);
  });
});
