import type { AdminStore } from '../store-admin/store.js';
import type { Catalogue } from './catalogue.js';
import type { Ledger } from './ledger.js';

/** A variant's inventory item id: its own id plus this, so the two never look alike in a test. */
export const INVENTORY_ITEM_OFFSET = 9_000_000;
/** The simulator's one location. */
export const LOCATION_ID = 1;

/**
 * The ledger as the Admin handler reads it: one tracked inventory item per variant at one location,
 * and the orders with `created_at` on the wall clock (`isoAt` turns ms since start into it).
 */
export const ledgerAdminStore = (catalogue: Catalogue, ledger: Ledger, isoAt: (atMs: number) => string): AdminStore => ({
  variant: (variantId) => (catalogue.variant(variantId) === undefined ? undefined : { id: variantId, inventoryItemId: variantId + INVENTORY_ITEM_OFFSET }),
  inventory: () => Object.entries(ledger.inventory()).map(([variantId, available]) => ({ inventoryItemId: Number(variantId) + INVENTORY_ITEM_OFFSET, locationId: LOCATION_ID, available })),
  orders: () =>
    ledger.orders.map((order) => ({
      id: order.id,
      checkoutToken: order.checkoutToken,
      createdAt: isoAt(order.atMs),
      lines: order.lines.map((line) => ({ variantId: line.variantId, quantity: line.quantity })),
    })),
});
