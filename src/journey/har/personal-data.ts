import { reference } from '../references.js';
import type { StringPlace } from './draft.js';

/** What a recorded value was replaced as; the summary counts them, never shows them. */
export type PersonalKind = 'email' | 'name' | 'phone' | 'address' | 'postcode' | 'card number' | 'card code';

/**
 * The test values written instead. Card numbers become 4242 4242 4242 4242, the test card every
 * gateway's sandbox knows (Shopify's Bogus gateway also takes "1"): a real one never stays in a journey.
 */
export const TEST_CARD = '4242424242424242';
const TEST_VALUES: Record<Exclude<PersonalKind, 'email' | 'postcode'>, (key: string) => string> = {
  name: (key) => (/first|given/.test(key) ? 'Test' : /last|family|sur/.test(key) ? 'Shopper' : 'Test Shopper'),
  phone: () => '+12015550123',
  address: (key) => (/2$/.test(key) ? 'Unit 1' : '1 Test Street'),
  'card number': () => TEST_CARD,
  'card code': () => '123',
};

// Postcodes keep their country's shape, so shipping rates still compute.
const testPostcode = (recorded: string): string => {
  if (/^\d{5}(-\d{4})?$/.test(recorded)) return '10001';
  if (/^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i.test(recorded)) return 'K1A 0B1';
  if (/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i.test(recorded)) return 'SW1A 1AA';
  if (/^\d+$/.test(recorded)) return '1'.padEnd(recorded.length, '0');
  return 'TEST1';
};

const EMAIL = /[A-Za-z0-9._%+-]+(?:@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const CARD_LIKE = /(?<![\d])\d(?:[ -]?\d){12,18}(?![\d])/g;
const E164 = /^\+\d{8,15}$/;

const passesLuhn = (digits: string): boolean => {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
};

/** The field a value is sent under, lower-case without separators: `checkout[shipping_address][first_name]` → its words. */
const keyOf = (place: StringPlace): string => {
  if (place.kind === 'query' || place.kind === 'form') return place.key;
  if (place.kind === 'json') return place.keys.filter((key) => typeof key === 'string').join('.');
  return '';
};
const lastWord = (key: string): string => (key.split(/[[\].]+/).filter(Boolean).at(-1) ?? '').toLowerCase().replace(/[_-]/g, '');

const PERSON_CONTEXT = /address|customer|billing|shipping|buyer|contact|card|payment|delivery/i;

/** The kind of personal data a field holds by its name alone, whatever its value. */
const kindByKey = (key: string): PersonalKind | undefined => {
  const word = lastWord(key);
  if (word === '') return undefined;
  if (/^e?mail(address)?$|email$/.test(word)) return 'email';
  if (/^(first|last|given|family|full|sur)name$|^nameoncard$|^cardholder/.test(word) || (word === 'name' && PERSON_CONTEXT.test(key))) return 'name';
  if (/phone|^tel$|mobile/.test(word)) return 'phone';
  if (/^(address[12]?|street|line[12]|addressline[12])$/.test(word)) return 'address';
  if (/^(zip|zipcode|postal|postalcode|postcode)$/.test(word)) return 'postcode';
  if (/^(verificationvalue|cvv|cvc|cvv2|securitycode)$/.test(word)) return 'card code';
  if (/^(cardnumber|number|pan|ccnumber)$/.test(word) && (word !== 'number' || PERSON_CONTEXT.test(key) || /credit/.test(key))) return 'card number';
  return undefined;
};

// Ids of products, variants and orders are long numbers too; a card number is never sent under one.
const isIdField = (key: string): boolean => /(^|_)ids?$|variant|product|quantity|^line$/.test(lastWord(key)) || /(^|[._])id$/.test(key);

/** A value already replaced by a reference is left alone. */
const isReference = (text: string): boolean => /^\{\{[^{}]+\}\}$/.test(text);

/**
 * Replaces personal data in one sent string by test values, counting each kind: emails anywhere (by
 * their shape), names, phones, addresses and postcodes by the field they are sent in, and any
 * Luhn-valid 13–19 digit run outside an id field.
 */
export const scrubPersonalData = (text: string, place: StringPlace, count: (kind: PersonalKind) => void): string => {
  if (text === '' || isReference(text)) return text;
  const key = keyOf(place);
  const kind = kindByKey(key);
  if (kind === 'email') return count('email'), reference('uniqueEmail');
  if (kind === 'postcode') return count('postcode'), testPostcode(text);
  if (kind) return count(kind), TEST_VALUES[kind](lastWord(key));
  let scrubbed = text.replace(EMAIL, () => (count('email'), reference('uniqueEmail')));
  if (!isIdField(key)) {
    scrubbed = scrubbed.replace(CARD_LIKE, (run) => (passesLuhn(run.replace(/\D/g, '')) ? (count('card number'), TEST_CARD) : run));
  }
  if (E164.test(scrubbed)) return count('phone'), TEST_VALUES.phone(key);
  return scrubbed;
};
