import type { CompletedCheckout } from '../../src/attribution/events.js';
import type { RaceResult, RunResult } from '../../src/load/types.js';
import type { CartObservations } from '../../src/shopify/cart-observer.js';
import type { RaceSeen } from './artifact.js';
import type { Observed } from './worker-messages.js';

const DEFECTS = ['lineKeyChanged', 'quantityNotReflected', 'staleAfter422', 'cookieWithoutKey'] as const;

/** The race's carts judged with the run's: counts added, the first example kept. */
export const mergeCarts = (a: CartObservations, b: CartObservations | undefined): CartObservations => {
  if (!b) return a;
  const merged: CartObservations = { ...a, cartReads: a.cartReads + b.cartReads };
  for (const defect of DEFECTS) {
    const example = a[defect].example ?? b[defect].example;
    merged[defect] = { count: a[defect].count + b[defect].count, ...(example === undefined ? {} : { example }) };
  }
  return merged;
};

/** The checkouts completed, with their tokens: matched against orders and events, never saved. */
export const completedOf = (...results: ({ observations?: Observed } | undefined)[]): CompletedCheckout[] =>
  results.flatMap((result) => result?.observations?.checkouts.completed.map(({ journey, checkoutToken, orderId }) => ({ journey, checkoutToken, ...(orderId ? { orderId } : {}) })) ?? []);

/** The run as saved: the cart's observations only (the checkouts' tokens stay out of the artifact). */
export const runAsSaved = (run: RunResult<Observed>, race: RaceResult<Observed> | undefined): RunResult<CartObservations> => {
  const { observations, ...rest } = run;
  return observations ? { ...rest, observations: mergeCarts(observations.cart, race?.observations?.cart) } : rest;
};

export const raceAsSaved = (race: RaceResult<Observed>): RaceSeen => ({
  journey: race.journey,
  shoppers: race.shoppers,
  atBarrier: race.reachedBarrier,
  completed: race.completed,
  spreadMs: Math.round(race.spreadMs),
  steps: race.steps,
  ...(race.cutOff ? { cutOff: race.cutOff } : {}),
});
