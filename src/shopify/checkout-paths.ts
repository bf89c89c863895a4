/**
 * Checkout and payment URLs, so a recording's payment steps can be marked and a load test can refuse
 * to submit payments where it may not. Paths beyond `/checkout` and `/cart/c/<token>` are observed
 * rather than documented (`/checkouts/cn/<token>`), so the patterns lean towards recognising too much:
 * a step wrongly held back is harmless, a payment wrongly sent is not.
 */
export type CheckoutPathKind =
  /** `/checkout`: the theme's form posts here; it redirects to the checkout page. */
  | 'entry'
  /** `/cart/c/<token>` (a cart's checkoutUrl) or `/cart/<variant>:<qty>` (a cart permalink). */
  | 'cart-link'
  /** `/checkouts/cn/<token>`, `/checkouts/<token>`, `/<shop id>/checkouts/<token>` and pages under them. */
  | 'checkout-page'
  /** A submission that pays: `…/complete`, `…/payment`, `…/processing`, checkout GraphQL, a wallet's completion. */
  | 'payment'
  /** An accelerated wallet (Shop Pay-style `/wallets/…`) that does not itself pay. */
  | 'wallet';

const LOCALE = '(?:/[a-z]{2}(?:-[a-z0-9]{2,4})?)?';
const PAYS = /\/(?:complete|payments?|processing|submit(?:_for_completion)?)(?:\.json)?$/i;
const PATTERNS: [CheckoutPathKind, RegExp][] = [
  ['entry', new RegExp(`^${LOCALE}/checkout/?$`, 'i')],
  ['cart-link', new RegExp(`^${LOCALE}/cart/(?:c/[^/]+|\\d+:\\d+(?:,\\d+:\\d+)*)$`, 'i')],
  ['checkout-page', /^(?:\/\d+)?\/checkouts\/(?:[a-z]{2}\/)?[^/]+(?:\/.*)?$/i],
  ['wallet', /^\/wallets\//i],
];

const withoutQuery = (path: string): string => path.split(/[?#]/, 1)[0] ?? '';

/** What kind of checkout path this is, or undefined for any other path. */
export function checkoutPathKind(path: string): CheckoutPathKind | undefined {
  const bare = withoutQuery(path);
  const kind = PATTERNS.find(([, pattern]) => pattern.test(bare))?.[0];
  if (kind === undefined) return undefined;
  if ((kind === 'checkout-page' || kind === 'wallet') && (PAYS.test(bare) || /\/graphql(?:\.json)?$/i.test(bare))) return 'payment';
  return kind;
}

export function isCheckoutPath(path: string): boolean {
  return checkoutPathKind(path) !== undefined;
}

/** A request that would pay: a write to a payment path (a GET of one only shows a page). */
export function isPaymentRequest(method: string, path: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) && checkoutPathKind(path) === 'payment';
}

// The token is the segment after `checkouts/` (and a market segment such as `cn/`), in the storefront's own
// checkout or under a wallet's (`/wallets/shop-pay/checkouts/<token>/complete`).
const TOKEN_IN_PATH = /^(?:\/\d+)?(?:\/wallets\/[^/]+)?\/checkouts\/(?:[a-z]{2}\/)?([^/]+)(?:\/|$)/i;

/** The checkout token a checkout or payment path names, or undefined (a checkout GraphQL path names none). */
export function checkoutTokenOf(path: string): string | undefined {
  const bare = withoutQuery(path);
  if (/\/graphql(?:\.json)?$/i.test(bare)) return undefined;
  return TOKEN_IN_PATH.exec(bare)?.[1];
}
