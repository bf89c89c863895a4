import { BUILT_IN_REFERENCES, referencesIn, stepTexts } from '../../src/journey/references.js';
import type { Journey, JourneyStep } from '../../src/journey/types.js';
import { cartEndpointOf } from '../../src/shopify/cart-paths.js';
import { isCheckoutPath } from '../../src/shopify/checkout-paths.js';
import type { CheckoutLoadConfig } from './config.js';

/**
 * The cart steps of a journey that a shopper can loop on their own: the Ajax Cart calls before checkout,
 * each kept only if everything it refers to is captured by a kept step before it (or built in).
 */
export const hammerSteps = (journey: Journey): JourneyStep[] => {
  const firstCheckout = journey.steps.findIndex((step) => isCheckoutPath(step.path.split('?')[0]!) || step.payment === true);
  const beforeCheckout = firstCheckout === -1 ? journey.steps : journey.steps.slice(0, firstCheckout);
  const known = new Set<string>(BUILT_IN_REFERENCES);
  const kept: JourneyStep[] = [];
  for (const step of beforeCheckout) {
    if (cartEndpointOf(step.path.split('?')[0]!) === undefined) continue;
    const needs = stepTexts(step).flatMap(({ text }) => referencesIn(text));
    if (!needs.every((name) => known.has(name))) continue;
    kept.push(step);
    for (const capture of step.capture ?? []) known.add(capture.name);
  }
  return kept;
};

export interface HammerPhase {
  shoppers: number;
  durationMs: number;
  steps: JourneyStep[];
}

/** The hammer as the profile asks for it: off, or its shoppers on the cart steps of its journey (the first by default). */
export const hammerPhase = (config: Pick<CheckoutLoadConfig, 'hammer'>, journeys: readonly Journey[]): HammerPhase | undefined => {
  const { hammer } = config;
  if (hammer === false) return undefined;
  const journey = journeys.find((entry) => entry.name === hammer.journey) ?? journeys[0];
  const steps = journey ? hammerSteps(journey) : [];
  return steps.length === 0 ? undefined : { shoppers: hammer.shoppers, durationMs: hammer.duration, steps };
};
