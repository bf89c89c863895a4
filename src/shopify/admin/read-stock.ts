import type { AdminClient } from './client.js';
import { stockByVariant, type StockByVariant } from './ground-truth.js';

export interface StockReading {
  /** Variant id → inventory item id: learnt once before the run, passed back in for the reading after it. */
  itemOfVariant: Record<string, number>;
  stock: StockByVariant;
}

/**
 * The journeys' variants' available units, summed over locations. Item ids are looked up (one GET per
 * variant) only for variants `known` does not already map, so the reading after the run costs one
 * listing.
 */
export const readStock = async (client: AdminClient, variantIds: readonly (number | string)[], known: Readonly<Record<string, number>> = {}): Promise<StockReading> => {
  const itemOfVariant: Record<string, number> = {};
  for (const variantId of new Set(variantIds.map(String))) itemOfVariant[variantId] = known[variantId] ?? (await client.variantInventoryItem(variantId));
  const levels = await client.inventoryLevels(Object.values(itemOfVariant));
  return { itemOfVariant, stock: stockByVariant(levels, itemOfVariant) };
};
