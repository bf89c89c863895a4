/** The ways a number may be written back in a reply: +15005550001, 15005550001, 5005550001. */
export const numberForms = (e164: string): string[] => {
  const digits = e164.replace(/^\+/, '');
  return [...new Set([e164, digits, digits.startsWith('1') && digits.length === 11 ? digits.slice(1) : digits])];
};

/** +15005550001 → +1•••••••0001: enough to tell numbers apart in a report, not to text them. */
export const maskNumber = (e164: string): string => `${e164.slice(0, 2)}${'•'.repeat(Math.max(0, e164.length - 6))}${e164.slice(-4)}`;

/** Every written form of the given numbers in a text, masked. */
export const maskNumbers = (text: string, numbers: readonly string[]): string =>
  numbers.reduce((masked, number) => numberForms(number).sort((a, b) => b.length - a.length).reduce((inner, form) => inner.split(form).join(maskNumber(number)), masked), text);
