/** The ways a number may be written back in a reply: +15005550001, 15005550001, 5005550001. */
export const numberForms = (e164: string): string[] => {
  const digits = e164.replace(/^\+/, '');
  return [...new Set([e164, digits, digits.startsWith('1') && digits.length === 11 ? digits.slice(1) : digits])];
};

/** +15005550001 → +1•••••••0001: enough to tell numbers apart in a report, not to text them. */
export const maskNumber = (e164: string): string => `${e164.slice(0, 2)}${'•'.repeat(Math.max(0, e164.length - 6))}${e164.slice(-4)}`;

/** A masked number as it stands in an artifact: evaluate still reads it as a phone number. */
export const MASKED_NUMBER = /\+\d•+\d{4}/;

// What people put between a number's digits: +1 (500) 555-0001, 500.555.0001.
const GAP = '[\\s().-]*';

/** A number in any of its written forms: with or without + (and the 1 of a NANP number), grouped or not. */
const writtenForms = (e164: string): RegExp => {
  const digits = e164.replace(/^\+/, '');
  const nanp = digits.length === 11 && digits.startsWith('1');
  const prefix = nanp ? `(?:\\+?1${GAP})?\\(?` : '\\+?';
  return new RegExp(prefix + [...(nanp ? digits.slice(1) : digits)].join(GAP), 'g');
};

/** Every written form of the given numbers in a text, masked. */
export const maskNumbers = (text: string, numbers: readonly string[]): string =>
  numbers.reduce((masked, number) => masked.replace(writtenForms(number), maskNumber(number)), text);
