import type { Verdict } from '../../../src/engine/define-check.js';
import type { CartObservations, DefectCount } from '../artifact.js';
import type { CheckoutLoadRule } from '../rules.js';
import { count } from './format.js';

const DEFECTS = {
  lineKeyChanged: 'line keys changed under the shopper',
  quantityNotReflected: 'a quantity sent was missing from the next /cart.js',
  staleAfter422: 'the cart was stale after a 422',
  cookieWithoutKey: 'the cart cookie came without its ?key=',
} as const satisfies Record<keyof Omit<CartObservations, 'cartReads'>, string>;

/** Each defect the cart observer counted fails; with no /cart.js read there is nothing to compare. */
export const cartConsistency = (observations: CartObservations | undefined, subject: string): Verdict<CheckoutLoadRule> => {
  const base = { rule: 'cart-consistency', subject: `${subject} carts` } as const;
  if (!observations || observations.cartReads === 0) {
    return { ...base, status: 'skip', message: 'No /cart.js answer was seen, so carts could not be compared: either no journey reads /cart.js after a cart change (add a GET /cart.js step) or no session got that far (see error-rate).' };
  }
  const found = (Object.keys(DEFECTS) as (keyof typeof DEFECTS)[])
    .map((key) => ({ key, defect: observations[key] as DefectCount }))
    .filter(({ defect }) => defect.count > 0);
  const evidence = {
    cartReads: observations.cartReads,
    ...Object.fromEntries(Object.keys(DEFECTS).map((key) => [key, observations[key as keyof typeof DEFECTS].count])),
  };
  if (found.length === 0) {
    return { ...base, status: 'pass', found: `${count(observations.cartReads)} cart reads, all consistent`, evidence, message: `${count(observations.cartReads)} /cart.js reads showed every change as made, keys and cookie intact.` };
  }
  const lines = found.map(({ key, defect }) => `${DEFECTS[key]} ${count(defect.count)} times${defect.example ? ` (e.g. ${defect.example})` : ''}`);
  return { ...base, status: 'fail', expected: 'every change shown by the next /cart.js, stable keys, the cookie with its key', found: lines.join('; '), evidence, message: `Carts changed under shoppers: ${lines.join('; ')}.` };
};
