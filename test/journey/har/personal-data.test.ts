import { describe, expect, it } from 'vitest';
import { scrubPersonalData, TEST_CARD } from '../../../src/journey/har/personal-data.js';

const scrub = (text: string, key?: string, kind: 'form' | 'json' | 'text' = 'form') => {
  const kinds: string[] = [];
  const place = kind === 'json' ? { kind, keys: (key ?? '').split('.') } : kind === 'form' ? { kind, key: key ?? '' } : { kind };
  return { text: scrubPersonalData(text, place, (found) => kinds.push(found)), kinds };
};

describe('scrubPersonalData', () => {
  it('replaces emails anywhere, URL-encoded ones too', () => {
    expect(scrub('{"note":"call jane.doe@gmail.com"}', undefined, 'text').text).toBe('{"note":"call {{uniqueEmail}}"}');
    expect(scrub('jane.doe%40gmail.com', undefined, 'text').text).toBe('{{uniqueEmail}}');
  });

  it('replaces any Luhn-valid card-like run, spaced or not, and leaves other long numbers', () => {
    expect(scrub('4111 1111 1111 1111', 'payment').text).toBe(TEST_CARD);
    expect(scrub('pan=5555-5555-5555-4444;', undefined, 'text').text).toBe(`pan=${TEST_CARD};`);
    expect(scrub('4111111111111112', 'payment').text).toBe('4111111111111112');
  });

  it('leaves a Luhn-valid number sent as an id alone', () => {
    expect(scrub('4111111111111111', 'variant_id').text).toBe('4111111111111111');
    expect(scrub('4111111111111111', 'items.0.id', 'json').text).toBe('4111111111111111');
  });

  it('replaces names, phones, addresses and postcodes by the field they are sent in', () => {
    expect(scrub('Jane', 'checkout[billing_address][first_name]').text).toBe('Test');
    expect(scrub('Doe', 'customer.lastName', 'json').text).toBe('Shopper');
    expect(scrub('SW1A 2AA', 'address[zip]').text).toBe('SW1A 1AA');
    expect(scrub('+447700900123', 'anything').text).toBe('+12015550123');
    expect(scrub('Flat 3', 'shipping_address[address2]').text).toBe('Unit 1');
    expect(scrub('Trail Jacket', 'product.name', 'json').text).toBe('Trail Jacket');
  });

  it('counts what it replaced by kind', () => {
    expect(scrub('4111111111111111', 'credit_card[number]').kinds).toEqual(['card number']);
    expect(scrub('737', 'credit_card[verification_value]').kinds).toEqual(['card code']);
  });

  it('leaves a reference alone', () => {
    expect(scrub('{{uniqueEmail}}', 'email').text).toBe('{{uniqueEmail}}');
  });
});
