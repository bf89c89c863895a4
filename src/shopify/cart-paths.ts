/**
 * The storefront paths the cart speaks, with the optional locale or market prefix themes use
 * (`/fr-ca/cart/add.js`, `/en-fr/cart.js`). Query strings are ignored.
 */
export type CartEndpoint = 'read' | 'add' | 'update' | 'change' | 'clear';

const LOCALE = '(?:/[a-z]{2}(?:-[a-z0-9]{2,4})?)?';
const CART = new RegExp(`^${LOCALE}/cart(?:\\.js|/(add|update|change|clear)\\.js)$`, 'i');
const PRODUCT = new RegExp(`^${LOCALE}/products/([a-z0-9][a-z0-9-]*)(\\.js)?$`, 'i');

const withoutQuery = (path: string): string => path.split(/[?#]/, 1)[0] ?? '';

/** Which Ajax Cart endpoint a path is, if any. */
export function cartEndpointOf(path: string): CartEndpoint | undefined {
  const match = CART.exec(withoutQuery(path));
  if (!match) return undefined;
  return (match[1]?.toLowerCase() as CartEndpoint | undefined) ?? 'read';
}

/** `/products/<handle>.js` (JSON) or `/products/<handle>` (the page). */
export function productPathOf(path: string): { handle: string; json: boolean } | undefined {
  const match = PRODUCT.exec(withoutQuery(path));
  return match?.[1] === undefined ? undefined : { handle: match[1].toLowerCase(), json: match[2] !== undefined };
}
