/**
 * Shopify's Ajax Cart API shapes, as a theme's scripts see them (`/cart.js`, `/cart/add.js`,
 * `/products/<handle>.js`). Money is an integer in the presentment currency's minor units (2000 = 20.00).
 */

export interface LineItemDiscount {
  amount: number;
  title: string;
}

export interface LineItem {
  id: number;
  /** `<variant id>:<hash>`; not persistent: it changes when the line's properties or discounts change. */
  key: string;
  quantity: number;
  variant_id: number;
  product_id: number;
  title: string;
  handle: string;
  sku: string | null;
  price: number;
  original_price: number;
  final_price: number;
  line_price: number;
  original_line_price: number;
  final_line_price: number;
  discounts: LineItemDiscount[];
  properties: Record<string, string> | null;
  url: string;
}

export interface Cart {
  /** `c1-…?key=…`: treat it as a random identifier. */
  token: string;
  note: string | null;
  attributes: Record<string, string>;
  original_total_price: number;
  total_price: number;
  total_discount: number;
  total_weight: number;
  item_count: number;
  items: LineItem[];
  requires_shipping: boolean;
  currency: string;
  items_subtotal_price: number;
  cart_level_discount_applications: unknown[];
}

/** The cart JSON for these lines, its totals worked out from them: no discounts, weight or note. */
export const cartOf = (token: string, items: LineItem[], currency = 'USD'): Cart => {
  const total = items.reduce((sum, item) => sum + item.line_price, 0);
  return {
    token,
    note: null,
    attributes: {},
    original_total_price: total,
    total_price: total,
    total_discount: 0,
    total_weight: 0,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    items,
    requires_shipping: items.length > 0,
    currency,
    items_subtotal_price: total,
    cart_level_discount_applications: [],
  };
};

/** What `/cart/add.js` answers: the lines it touched, each with its new total quantity. */
export interface AddToCartAnswer {
  items: LineItem[];
}

export interface Variant {
  id: number;
  product_id: number;
  title: string;
  option1: string | null;
  sku: string | null;
  price: number;
  available: boolean;
}

export interface Product {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  type: string;
  tags: string[];
  options: string[];
  price: number;
  price_min: number;
  price_max: number;
  available: boolean;
  variants: Variant[];
}

/** 422 from `/cart/add.js`: stock exceeded or sold out. */
export interface CartErrorAnswer {
  status: number;
  message: string;
  description: string;
}

/** The 400 `/cart/change.js` answers for a line that is not in the cart. */
export const NO_VALID_LINE = 'no valid id or line parameter';

const parseJson = (body: string | undefined): unknown => {
  if (body === undefined || !body.trimStart().startsWith('{')) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough of a line to reason about: a key, a variant and a quantity. */
const isLine = (value: unknown): value is LineItem =>
  isRecord(value) && typeof value.key === 'string' && typeof value.variant_id === 'number' && typeof value.quantity === 'number';

/** A `/cart.js`-shaped answer (also what update.js, change.js and clear.js return), or undefined. */
export function readCart(body: string | undefined): Cart | undefined {
  const parsed = parseJson(body);
  if (!isRecord(parsed) || typeof parsed.item_count !== 'number' || !Array.isArray(parsed.items) || !parsed.items.every(isLine)) return undefined;
  return parsed as unknown as Cart;
}

/** An `/cart/add.js` answer, or undefined. */
export function readAddToCartAnswer(body: string | undefined): AddToCartAnswer | undefined {
  const parsed = parseJson(body);
  if (!isRecord(parsed) || !Array.isArray(parsed.items) || !parsed.items.every(isLine)) return undefined;
  return { items: parsed.items };
}

/** The variant a line key belongs to (`40001:ab12…` → 40001). */
export function variantOfKey(key: string): number | undefined {
  const match = /^(\d+):/.exec(key);
  return match ? Number(match[1]) : undefined;
}
