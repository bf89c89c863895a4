import type { Verdict } from '../../../src/engine/define-check.js';
import type { CheckoutLoadArtifact, TruthSeen } from '../artifact.js';
import type { CheckoutLoadRule } from '../rules.js';
import { count } from './format.js';

export const NO_VERIFY = 'Not judged: the profile has no `verify:` (adminApi and adminToken) to read orders and inventory from the store after the run.';

/** Without `verify`, skipped saying what to add; an unreadable Admin API is could-not-check. */
const unreadable = (rule: CheckoutLoadRule, subject: string, truth: TruthSeen | undefined): Verdict<CheckoutLoadRule> | undefined => {
  if (!truth) return { rule, subject, status: 'skip', message: NO_VERIFY };
  if (truth.error) return { rule, subject, status: 'error', message: "The store's records could not be read after the run.", cause: truth.error };
  return undefined;
};

/** Units sold per variant against the stock before and the drop after: more sold than there was, or below zero, fails. */
export const oversoldStock = (artifact: CheckoutLoadArtifact): Verdict<CheckoutLoadRule>[] => {
  const subject = `${artifact.target.host} stock`;
  const early = unreadable('oversold-stock', subject, artifact.truth);
  if (early) return [early];
  const { stock } = artifact.truth!;
  if (stock.length === 0) return [{ rule: 'oversold-stock', subject, status: 'skip', message: "No journey adds a variant whose stock the store tracks: there is nothing to oversell." }];
  return stock.map((variant) => {
    const base = { rule: 'oversold-stock', subject: `variant ${variant.variantId}`, expected: `sold ≤ ${count(variant.before)} (stock before), stock after ≥ 0`, evidence: { ...variant } } as const;
    const after = variant.after === undefined ? 'unknown' : count(variant.after);
    const found = `${count(variant.sold)} sold from ${count(variant.before)}, ${after} left`;
    if (variant.oversoldBy > 0) {
      return { ...base, status: 'fail', found, message: `Variant ${variant.variantId} was oversold by ${count(variant.oversoldBy)}: ${count(variant.sold)} units sold from ${count(variant.before)} in stock${variant.after !== undefined && variant.after < 0 ? `, inventory at ${count(variant.after)}` : ''}.` };
    }
    if ((variant.unaccounted ?? 0) > 0) {
      return { ...base, status: 'warn', found, message: `Variant ${variant.variantId}: ${count(variant.unaccounted!)} units sold that the inventory never counted (a lost update): the next rush can oversell it.` };
    }
    return { ...base, status: 'pass', found, message: `Variant ${variant.variantId}: ${count(variant.sold)} units sold from ${count(variant.before)}, none beyond the stock.` };
  });
};

/** At most one order per checkout token, no more orders than completed checkouts, and no completed checkout lost. */
export const duplicateOrders = (artifact: CheckoutLoadArtifact): Verdict<CheckoutLoadRule> => {
  const subject = `${artifact.target.host} orders`;
  const early = unreadable('duplicate-orders', subject, artifact.truth);
  if (early) return early;
  const truth = artifact.truth!;
  const evidence = { orders: truth.orders, completed: truth.completed, duplicateOrders: truth.duplicateOrderCount, lostCheckouts: truth.lostCheckoutCount, ordersWithoutCheckout: truth.ordersWithoutCheckout };
  const base = { rule: 'duplicate-orders', subject, expected: 'one order per completed checkout', found: `${count(truth.orders)} orders for ${count(truth.completed)} completed checkouts`, evidence } as const;
  const problems = [
    ...(truth.duplicateOrderCount > 0 ? [`${count(truth.duplicateOrderCount)} checkouts have more than one order (e.g. ${truth.duplicateOrders[0]!.checkout}: ${truth.duplicateOrders[0]!.orders} orders)`] : []),
    ...(truth.orders > truth.completed && truth.ordersWithoutCheckout > 0 ? [`${count(truth.ordersWithoutCheckout)} orders match no completed checkout`] : []),
    ...(truth.lostCheckoutCount > 0 ? [`${count(truth.lostCheckoutCount)} completed checkouts have no order (lost; e.g. journey ${truth.lostCheckouts[0]!.journey}, ${truth.lostCheckouts[0]!.checkout})`] : []),
  ];
  if (problems.length > 0) return { ...base, status: 'fail', message: `${problems.join('; ')}.` };
  if (truth.completed === 0) return { rule: 'duplicate-orders', subject, status: 'skip', evidence, message: 'No checkout was completed (payments run only on loopback or in testMode), so there are no orders to compare.' };
  return { ...base, status: 'pass', message: `Each of ${count(truth.completed)} completed checkouts has exactly one order.` };
};
