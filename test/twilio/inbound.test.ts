import { describe, expect, it } from 'vitest';
import { buildInboundSms, decodeForm, encodeForm } from '../../src/twilio/inbound.js';
import { signTwilioRequest, validateTwilioSignature } from '../../src/twilio/signature.js';
import { isSid } from '../../src/twilio/sid.js';

/** 0000…0001, 0000…0002, …: the same SIDs every run. */
const counting = (): (() => string) => {
  let next = 0;
  return () => (++next).toString(16).padStart(32, '0');
};

const ACCOUNT = `AC${'a'.repeat(32)}`;

describe('encodeForm', () => {
  it('encodes as Twilio does: space as +, + and other reserved characters percent-encoded', () => {
    expect(encodeForm({ From: '+14155550100', Body: 'Stop texting me' })).toBe('From=%2B14155550100&Body=Stop+texting+me');
    expect(encodeForm({ Body: "It's 50% & more ~ (really)?" })).toBe('Body=It%27s+50%25+%26+more+%7E+%28really%29%3F');
  });

  it('leaves ASCII letters, digits and *-._ alone, and percent-encodes UTF-8', () => {
    expect(encodeForm({ Body: 'a-Z_0.9*' })).toBe('Body=a-Z_0.9*');
    expect(encodeForm({ Body: 'ARRÊT 🛑' })).toBe('Body=ARR%C3%8AT+%F0%9F%9B%91');
  });

  it('keeps empty fields and repeats a name once per value', () => {
    expect(encodeForm({ FromCity: '', MediaUrl: ['a', 'b'] })).toBe('FromCity=&MediaUrl=a&MediaUrl=b');
  });

  it('decodeForm reverses it, repeated names as arrays, __proto__ as plain data', () => {
    const params = { Body: 'Arrête! 50% +1', Empty: '', Pair: ['x', 'y'], __proto__x: 'z' };
    expect(decodeForm(encodeForm(params))).toEqual(params);
    const tricky = decodeForm('__proto__=1&Body=a+b');
    expect(Object.keys(tricky)).toEqual(['__proto__', 'Body']);
    expect(tricky.Body).toBe('a b');
  });
});

describe('buildInboundSms', () => {
  it('posts every field of a captured payload, in its order, geo fields as known', () => {
    const form = buildInboundSms(
      {
        accountSid: ACCOUNT,
        from: '+12125550123',
        to: '+13475550188',
        body: 'Hi there',
        fromGeo: { city: 'NEW YORK', state: 'NY', zip: '10001', country: 'US' },
        toGeo: { city: 'SOUTH RICHMOND HILL', state: 'NY', zip: '11435', country: 'US' },
      },
      counting(),
    );
    const sid = `SM${'0'.repeat(31)}1`;
    expect(encodeForm(form)).toBe(
      `ToCountry=US&ToState=NY&SmsMessageSid=${sid}&NumMedia=0&ToCity=SOUTH+RICHMOND+HILL&FromZip=10001&SmsSid=${sid}&FromState=NY` +
        `&SmsStatus=received&FromCity=NEW+YORK&Body=Hi+there&FromCountry=US&To=%2B13475550188&ToZip=11435&NumSegments=1` +
        `&MessageSid=${sid}&AccountSid=${ACCOUNT}&From=%2B12125550123&ApiVersion=2010-04-01`,
    );
  });

  it('sends the geo fields empty when nothing is known, and MessagingServiceSid only when given', () => {
    const bare = buildInboundSms({ accountSid: ACCOUNT, from: '+447700900513', to: '+447700900000', body: 'STOP' }, counting());
    expect([bare.ToCity, bare.ToState, bare.ToZip, bare.ToCountry, bare.FromCity, bare.FromState, bare.FromZip, bare.FromCountry]).toEqual(Array(8).fill(''));
    expect(bare).not.toHaveProperty('MessagingServiceSid');
    const service = `MG${'b'.repeat(32)}`;
    const inService = buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body: 'x', messagingServiceSid: service }, counting());
    expect(inService.MessagingServiceSid).toBe(service);
    expect(Object.keys(inService).indexOf('MessagingServiceSid')).toBe(Object.keys(inService).indexOf('To') + 1);
  });

  it('gives each message a new SM SID, the same in its three fields, and reuses one for a replay', () => {
    const ids = counting();
    const first = buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body: 'STOP' }, ids);
    const second = buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body: 'STOP' }, ids);
    expect(isSid(first.MessageSid ?? '', 'SM')).toBe(true);
    expect(first.MessageSid).toHaveLength(34);
    expect([first.SmsSid, first.SmsMessageSid]).toEqual([first.MessageSid, first.MessageSid]);
    expect(second.MessageSid).not.toBe(first.MessageSid);
    const replay = buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body: 'STOP', messageSid: first.MessageSid ?? '' }, ids);
    expect(replay.MessageSid).toBe(first.MessageSid);
  });

  it('counts the segments of the body', () => {
    const build = (body: string) => buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body }, counting()).NumSegments;
    expect(build('a'.repeat(160))).toBe('1');
    expect(build('a'.repeat(161))).toBe('2');
    expect(build(`${'a'.repeat(70)}🛑`)).toBe('2');
  });

  it('refuses an id source that does not give 32 lowercase hex digits', () => {
    expect(() => buildInboundSms({ accountSid: ACCOUNT, from: '+1', to: '+2', body: 'x' }, () => 'XYZ')).toThrow(/32 lowercase hex digits/);
  });

  it('a form signed before encoding validates after the round trip through the wire', () => {
    const form = buildInboundSms({ accountSid: ACCOUNT, from: '+16045550123', to: '+16045550100', body: 'ARRÊT, s’il vous plaît & merci' }, counting());
    const url = 'https://shop.example/twilio/sms?store=42';
    const signature = signTwilioRequest('token', url, form);
    expect(validateTwilioSignature('token', signature, url, decodeForm(encodeForm(form)))).toBe(true);
  });
});
