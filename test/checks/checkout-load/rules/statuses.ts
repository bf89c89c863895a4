import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { Expectation as GenericExpectation } from '../../../helpers/verdict-statuses.js';

export type Expectation = GenericExpectation<CheckoutLoadRule>;

/** Every rule of the check, in the order evaluate gives them. */
export const LOAD_RULES = ['target-authorization', 'throughput', 'latency', 'error-rate', 'throttling', 'cart-consistency', 'oversold-stock', 'duplicate-orders', 'attribution-events'] as const satisfies readonly CheckoutLoadRule[];

/** The subjects error-rate judges: each journey of the tests' profile, and the hammer. */
export const ERROR_RATE_SUBJECTS = ['journey native', 'journey shop-pay', 'journey cart-edit', 'hammer'] as const;

/** Every rule as a clean store leaves it: pass. */
export const CLEAN: Expectation = Object.fromEntries(LOAD_RULES.map((rule) => [rule, 'pass']));
