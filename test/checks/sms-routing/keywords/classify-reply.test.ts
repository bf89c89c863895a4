import { describe, expect, it } from 'vitest';
import { classifyReply } from '../../../../checks/sms-routing/keywords/classify-reply.js';

// Twilio's default replies as public copies quote them (research §1.7) and the carrier's toll-free one.
const TWILIO_STOP = 'You have successfully been unsubscribed. You will not receive any more messages from this number. Reply START to resubscribe.';
const TWILIO_START = 'You have successfully been re-subscribed to messages from this number. Reply HELP for help. Reply STOP to unsubscribe. Msg&Data Rates May Apply.';
const TWILIO_HELP = 'Reply STOP to unsubscribe. Msg&Data Rates May Apply.';
const CARRIER_STOP = 'NETWORK MSG: You replied with the word "stop" which blocks all texts sent from this number. Text back "unstop" to receive messages again.';

describe('classifyReply: what kind of reply', () => {
  it.each([
    ["Twilio's STOP reply", TWILIO_STOP],
    ["the carrier's toll-free STOP reply", CARRIER_STOP],
    ['opted out', 'Acme: You have opted out and will get no further texts.'],
    ['no more messages', 'Acme: no more messages will be sent. Bye!'],
    ['removed', "Acme: you've been removed from our list."],
    ['French', 'Acme : vous êtes désabonné et ne recevrez plus de messages.'],
  ])('opt-out confirmation: %s', (_, text) => {
    expect(classifyReply(text).kind).toBe('opt-out-confirmation');
  });

  it.each([
    ["Twilio's START reply", TWILIO_START],
    ['opted back in', 'Acme: You have opted back in. Reply STOP to cancel.'],
    ['welcome back', 'Welcome back to Acme alerts!'],
    ['French', 'Acme : vous êtes réabonné.'],
  ])('re-subscribe confirmation: %s', (_, text) => {
    expect(classifyReply(text).kind).toBe('re-subscribe-confirmation');
  });

  it.each([
    ["Twilio's default HELP reply", TWILIO_HELP],
    ['a full CTIA HELP reply', 'Acme Alerts: Help at help@acme.example or 1-800-555-0100. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel.'],
    ['a help word and one element', 'Acme support: call (415) 555-0100.'],
    ['French', 'Acme Alertes : aide au 1-800-555-0100. Fréquence des messages variable. Des frais de messagerie et de données peuvent s’appliquer. Répondez ARRET pour annuler.'],
  ])('help: %s', (_, text) => {
    expect(classifyReply(text).kind).toBe('help');
  });

  it.each([
    ['marketing with the usual footer', 'Acme: 30% off everything! Shop now at https://acme.example/bf Reply STOP to opt out. Msg & data rates may apply.'],
    ['a plain answer', 'Thanks, we got your message.'],
    ['"resubscribe" is an instruction, not a confirmation', 'Reply START to resubscribe.'],
    ['"Reply STOP to unsubscribe" alone is not a confirmation', 'Reply STOP to unsubscribe.'],
  ])('other: %s', (_, text) => {
    expect(classifyReply(text).kind).toBe('other');
  });
});

describe('classifyReply: HELP elements', () => {
  it('finds each CTIA element', () => {
    expect(classifyReply('Acme: help@acme.example. 4 msgs/month. Msg & data rates may apply. Reply STOP to cancel.').helpElements).toEqual({
      contact: true,
      frequency: true,
      rates: true,
      optOutInstructions: true,
    });
    expect(classifyReply('Acme: Msg frequency varies.').helpElements).toEqual({ contact: false, frequency: true, rates: false, optOutInstructions: false });
  });

  it('takes a phone number, an email address or a link as the contact', () => {
    for (const text of ['Call 1-800-555-0100', 'Call +1 (415) 555-0100', 'Write to help@acme.example', 'See https://acme.example/help', 'See www.acme.example']) {
      expect(classifyReply(text).helpElements.contact).toBe(true);
    }
    expect(classifyReply('Call us').helpElements.contact).toBe(false);
  });

  it('reads the French elements', () => {
    const elements = classifyReply('Fréquence variable. Des frais de messagerie et de données peuvent s’appliquer. Répondez ARRÊT pour annuler.').helpElements;
    expect(elements).toMatchObject({ frequency: true, rates: true, optOutInstructions: true });
  });
});

describe('classifyReply: marketing and links', () => {
  it('names the marketing wording found', () => {
    expect(classifyReply('Black Friday SALE: 40 % off, shop now! Free shipping, use promo code BF40.').marketing).toEqual(['40 % off', 'SALE', 'shop now', 'promo code', 'Free shipping', 'Black Friday']);
    expect(classifyReply(TWILIO_STOP).marketing).toEqual([]);
    expect(classifyReply('wholesale offers 30% offered').marketing).toEqual([]);
  });

  it('finds http(s) URLs, www. hosts and bare domains with a path, without trailing punctuation', () => {
    expect(classifyReply('Deals: https://acme.example/bf. Or www.acme.example, or bit.ly/x1!').links).toEqual(['https://acme.example/bf', 'www.acme.example', 'bit.ly/x1']);
  });

  it('does not take an email address or a plain domain for a link', () => {
    expect(classifyReply('Write to help@acme.example/ or acme.example').links).toEqual([]);
  });

  it('a STOP confirmation that also markets is still a confirmation, with its marketing reported', () => {
    const reply = classifyReply("You're unsubscribed. Before you go: 20% off at https://acme.example/stay");
    expect(reply.kind).toBe('opt-out-confirmation');
    expect(reply.marketing).toEqual(['20% off']);
    expect(reply.links).toEqual(['https://acme.example/stay']);
  });
});

describe('classifyReply: language', () => {
  it('tells French from English', () => {
    expect(classifyReply('Acme : vous êtes désabonné.').language).toBe('fr');
    expect(classifyReply('Répondez ARRET pour annuler.').language).toBe('fr');
    expect(classifyReply(TWILIO_STOP).language).toBe('en');
  });

  it('reads full-width text as ASCII', () => {
    expect(classifyReply('ｕｎｓｕｂｓｃｒｉｂｅｄ').kind).toBe('opt-out-confirmation');
  });
});
