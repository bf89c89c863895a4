import { describe, expect, it } from 'vitest';
import { COMMON_SELECTORS, keyRecordName, probeSelectors } from '../../../../checks/email-auth/dkim/selectors.js';
import { isQueryableName, normalizeDomain, orgDomainOfFrom, pslOrganizationalDomain } from '../../../../checks/email-auth/domains.js';

describe('probeSelectors', () => {
  it('adds the Microsoft 365 derived selectors, dots turned into dashes', () => {
    const selectors = probeSelectors('Mail.Shop.co.uk.').map((guess) => guess.selector);
    expect(selectors).toContain('selector1-mail-shop-co-uk');
    expect(selectors).toContain('selector2-mail-shop-co-uk');
  });

  it.each([
    ['google', 'Google Workspace'],
    ['selector1', 'Microsoft 365'],
    ['k1', 'Mailchimp'],
    ['k2', 'Mailchimp'],
    ['k3', 'Mailchimp'],
    ['kl', 'Klaviyo'],
    ['kl2', 'Klaviyo'],
    ['s1', 'SendGrid (Twilio)'],
    ['s2', 'SendGrid (Twilio)'],
    ['smtpapi', 'SendGrid (legacy)'],
    ['mandrill', 'Mandrill (Mailchimp Transactional)'],
    ['pm', 'Postmark (old setups)'],
    ['mxvault', 'MXVault (hosted mail)'],
    ['dkim', 'generic'],
    ['default', 'generic'],
  ])('probes %s for %s', (selector, provider) => {
    expect(probeSelectors('shop.example')).toContainEqual(expect.objectContaining({ selector, provider }));
  });

  it('lists every selector once, each with a provider and a note', () => {
    const guesses = probeSelectors('shop.example');
    expect(new Set(guesses.map((guess) => guess.selector)).size).toBe(guesses.length);
    for (const guess of COMMON_SELECTORS) {
      expect(guess.provider.trim()).not.toBe('');
      expect(guess.note.trim()).not.toBe('');
    }
  });

  it("places Klaviyo's kl and kl2 at the root domain, as Klaviyo's article 4417768780827 shows them", () => {
    for (const selector of ['kl', 'kl2']) {
      const guess = COMMON_SELECTORS.find((candidate) => candidate.selector === selector);
      expect(guess?.note).toMatch(/root domain/);
      expect(guess?.note).not.toMatch(/sending subdomain/);
    }
  });

  it('falls back to the fixed list for an unusable domain', () => {
    expect(probeSelectors('  ')).toHaveLength(COMMON_SELECTORS.length);
  });

  it('names the key record', () => {
    expect(keyRecordName('k1', 'Shop.Example.')).toBe('k1._domainkey.shop.example');
  });
});

describe('domain helpers', () => {
  it.each([
    ['Shop.Example.', 'shop.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['_dmarc.shop.example', '_dmarc.shop.example'],
    ['', ''],
    ['two words.example', ''],
  ])('normalizes %j to %j', (raw, expected) => {
    expect(normalizeDomain(raw)).toBe(expected);
  });

  it.each([
    ['mail.shop.co.uk', 'shop.co.uk'],
    ['shop.co.uk', 'shop.co.uk'],
    ['co.uk', 'co.uk'],
    ['news.shop.example.com', 'example.com'],
    // The private section counts: shared-hosting customers are separate organisations.
    ['alice.blogspot.com', 'alice.blogspot.com'],
    ['localhost', 'localhost'],
  ])('the PSL organizational domain of %s is %s', (domain, expected) => {
    expect(pslOrganizationalDomain(domain)).toBe(expected);
  });

  it('checks the RFC 1035 length limits', () => {
    expect(isQueryableName('a.example')).toBe(true);
    expect(isQueryableName(`${'a'.repeat(64)}.example`)).toBe(false);
    expect(isQueryableName(`${'a.'.repeat(127)}example`)).toBe(false);
    expect(isQueryableName('a..example')).toBe(false);
  });

  it('builds an OrgDomainOf from tree-walk results, unknown names staying unknown', () => {
    const orgOf = orgDomainOfFrom([
      { domain: 'mail.shop.example', organizationalDomain: 'shop.example' },
      { domain: 'broken.example', organizationalDomain: undefined },
    ]);
    expect(orgOf('MAIL.shop.example.')).toBe('shop.example');
    expect(orgOf('broken.example')).toBeUndefined();
    expect(orgOf('never.asked')).toBeUndefined();
  });
});
