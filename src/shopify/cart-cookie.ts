/**
 * The `cart` cookie: `<token>?key=<key>`. Since 2024 a cart cookie replayed without its `?key=` makes
 * Shopify apply the request to a new cart and drop the buyer's details, so both halves matter.
 */
export const CART_COOKIE = 'cart';

export interface CartCookie {
  token: string;
  key?: string;
}

/** Some clients percent-encode the `?` and `=`; both spellings name the same cart. */
const decoded = (value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export function makeCartCookie(token: string, key: string): string {
  return `${token}?key=${key}`;
}

export function parseCartCookie(value: string): CartCookie {
  const text = decoded(value.trim());
  const mark = text.indexOf('?');
  if (mark < 0) return { token: text };
  const key = new URLSearchParams(text.slice(mark + 1)).get('key');
  return key ? { token: text.slice(0, mark), key } : { token: text.slice(0, mark) };
}

export function hasKey(value: string): boolean {
  return parseCartCookie(value).key !== undefined;
}

/** The value of one `name=value` pair when it is the cart cookie. */
const cartValueOf = (pair: string): string | undefined => {
  const equals = pair.indexOf('=');
  return equals > 0 && pair.slice(0, equals).trim() === CART_COOKIE ? pair.slice(equals + 1).trim() : undefined;
};

/** The `cart` values a response sets, from its `set-cookie` header(s). */
export function cartCookiesSet(setCookie: string | string[] | undefined): string[] {
  const lines = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return lines.flatMap((line) => cartValueOf(line.split(';', 1)[0] ?? '') ?? []);
}

/** The `cart` value a request's Cookie header carries, if any. */
export function cartCookieSent(cookieHeader: string | undefined): string | undefined {
  return (cookieHeader ?? '').split(';').map(cartValueOf).find((value) => value !== undefined);
}
