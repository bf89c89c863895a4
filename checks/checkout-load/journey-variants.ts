import type { Journey } from '../../src/journey/types.js';
import { requestParts } from '../../src/load/request-parts.js';
import { cartEndpointOf } from '../../src/shopify/cart-paths.js';
import { parseCartMutation } from '../../src/shopify/cart-requests.js';

/** The variants the journeys add to a cart, from their add.js bodies: whose stock the store's records are read for. */
export const journeyVariants = (journeys: readonly Journey[]): number[] => {
  const variants = new Set<number>();
  for (const step of journeys.flatMap((journey) => journey.steps)) {
    if (cartEndpointOf(step.path.split('?')[0]!) !== 'add') continue;
    const mutation = parseCartMutation('add', requestParts(step, {}).body);
    if (mutation?.kind === 'add') for (const line of mutation.lines) variants.add(line.variantId);
  }
  return [...variants].sort((a, b) => a - b);
};
