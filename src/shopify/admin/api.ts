import { z } from 'zod';

/**
 * The Admin REST endpoints q4check reads ground truth from, and the fields of their JSON it uses:
 * shared by the client and the simulator's handler, so both speak the same version and shapes.
 */
export const ADMIN_API_VERSION = '2026-10';

/** As Node gives header names: lower case. */
export const ACCESS_TOKEN_HEADER = 'x-shopify-access-token';

const prefix = `/admin/api/${ADMIN_API_VERSION}`;

export const ADMIN_PATHS = {
  variant: (variantId: number | string): string => `${prefix}/variants/${variantId}.json`,
  variantPattern: new RegExp(`^${prefix}/variants/(\\d+)\\.json$`),
  inventoryLevels: `${prefix}/inventory_levels.json`,
  orders: `${prefix}/orders.json`,
} as const;

/** Shopify takes at most 50 ids in `inventory_item_ids`. */
export const INVENTORY_ITEM_BATCH = 50;
/** The largest page Shopify serves. */
export const MAX_PAGE_LIMIT = 250;
/** Only what the ground-truth rules read, asked for with `fields=` so pages stay small. */
export const ORDER_FIELDS = 'id,checkout_token,created_at,line_items';

const id = z.number().int().nonnegative();

export const variantAnswer = z.object({ variant: z.object({ id, inventory_item_id: id }) });

export const inventoryLevel = z.object({ inventory_item_id: id, location_id: id, available: z.number().int().nullable() });
export type AdminInventoryLevel = z.infer<typeof inventoryLevel>;
export const inventoryLevelsAnswer = z.object({ inventory_levels: z.array(inventoryLevel) });

export const adminOrder = z.object({
  id,
  checkout_token: z.string().nullable().optional().transform((token) => token ?? null),
  created_at: z.string(),
  line_items: z.array(z.object({ variant_id: id.nullable(), quantity: z.number().int() })),
});
export type AdminOrder = z.infer<typeof adminOrder>;
export const ordersAnswer = z.object({ orders: z.array(adminOrder) });
