/** The last digits a shopper number varies: a NANP line number, so the area code (and its country) stays. */
const LINE_DIGITS = 4;

/**
 * The simulated shopper of sequence `index`: the profile's test number with `index + 1` added to its last
 * four digits (wrapping within them), so every sequence texts from a number the store has not seen and
 * starts subscribed, and a Canadian test number keeps its Canadian area code.
 */
export const shopperNumber = (testNumber: string, index: number): string => {
  const head = testNumber.slice(0, -LINE_DIGITS);
  const line = Number(testNumber.slice(-LINE_DIGITS));
  return head + String((line + index + 1) % 10 ** LINE_DIGITS).padStart(LINE_DIGITS, '0');
};
