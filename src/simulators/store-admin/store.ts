/**
 * The least a store simulator must offer for its Admin REST endpoints to be served: its variants'
 * inventory items, the levels of those items and its orders. The storefront simulator adapts its own
 * ledger to this; tests pass a literal.
 */
export interface AdminStore {
  /** The variant and its inventory item; undefined when the store has no such variant. */
  variant(variantId: number): { id: number; inventoryItemId: number } | undefined;
  /** Every level: units available per inventory item and location (null: the item is not tracked). */
  inventory(): readonly AdminStoreLevel[];
  /** Every order, oldest first. */
  orders(): readonly AdminStoreOrder[];
}

export interface AdminStoreLevel {
  inventoryItemId: number;
  locationId: number;
  available: number | null;
}

export interface AdminStoreOrder {
  id: number;
  /** The checkout it completed; null for an order made without one (a draft order, POS). */
  checkoutToken: string | null;
  /** ISO 8601. */
  createdAt: string;
  lines: ReadonlyArray<{ variantId: number | null; quantity: number }>;
}
