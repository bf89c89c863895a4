import { cartEndpointOf, productPathOf } from '../../shopify/cart-paths.js';
import { checkoutPathKind } from '../../shopify/checkout-paths.js';

const CART_NAMES = { read: 'read cart', add: 'add to cart', update: 'update cart', change: 'change cart', clear: 'clear cart' } as const;

// A segment worth naming a step by: a word or a handle, not a token, an id or a reference.
const isWordy = (segment: string): boolean => /^[a-z][a-z-]*$/i.test(segment) && segment.length <= 40;

const describe = (method: string, path: string): string => {
  const bare = path.split('?', 1)[0] ?? path;
  const cart = cartEndpointOf(bare);
  if (cart) return CART_NAMES[cart];
  if (bare === '/cart') return method === 'GET' ? 'view cart' : 'submit cart';
  const product = productPathOf(bare);
  if (product && method === 'GET') return `${product.json ? 'read' : 'view'} product ${product.handle}`;
  const collection = /^\/collections\/([a-z0-9-]+)\/?$/i.exec(bare)?.[1];
  if (collection && method === 'GET') return `view collection ${collection}`;
  if (bare === '/' && method === 'GET') return 'view home';
  const kind = checkoutPathKind(bare);
  const verb = method === 'GET' ? 'view' : method.toLowerCase();
  if (kind === 'entry') return method === 'GET' ? 'open checkout' : 'start checkout';
  if (kind === 'payment') return bare.startsWith('/wallets/') ? 'pay with wallet' : 'pay';
  if (kind === 'checkout-page') return `${verb} checkout${bare.split('/').filter(isWordy).filter((word) => word !== 'checkouts' && word !== 'cn').map((word) => ` ${word}`).join('')}`;
  const words = bare.split('/').map((word) => word.replace(/\.(js|json)$/, '')).filter(isWordy);
  return `${verb} ${words.join(' ') || 'page'}`;
};

/** Readable, unique step names from method and path: "add to cart", "view product trail-jacket", "pay 2". */
export const stepNames = (requests: readonly { method: string; path: string }[]): string[] => {
  const seen = new Map<string, number>();
  return requests.map(({ method, path }) => {
    const name = describe(method, path);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} ${count}`;
  });
};
