import { describe, expect, it } from 'vitest';
import { cartCookieSent, cartCookiesSet, hasKey, makeCartCookie, parseCartCookie } from '../../src/shopify/cart-cookie.js';

describe('the cart cookie', () => {
  it('makes and parses <token>?key=<key>', () => {
    const value = makeCartCookie('c1-0123abcd', 'f00d');
    expect(value).toBe('c1-0123abcd?key=f00d');
    expect(parseCartCookie(value)).toEqual({ token: 'c1-0123abcd', key: 'f00d' });
    expect(hasKey(value)).toBe(true);
  });

  it('reads the percent-encoded spelling and tells a value without a key', () => {
    expect(parseCartCookie('c1-0123abcd%3Fkey%3Df00d')).toEqual({ token: 'c1-0123abcd', key: 'f00d' });
    expect(hasKey('c1-0123abcd')).toBe(false);
    expect(hasKey('c1-0123abcd?key=')).toBe(false);
    expect(hasKey('%E0%A4%A')).toBe(false);
  });

  it('finds the cart value among Set-Cookie lines and in a Cookie header', () => {
    expect(cartCookiesSet(['_shopify_y=1; path=/', 'cart=c1-a?key=b; path=/; SameSite=Lax'])).toEqual(['c1-a?key=b']);
    expect(cartCookiesSet('cart=c1-a; path=/')).toEqual(['c1-a']);
    expect(cartCookiesSet(undefined)).toEqual([]);
    expect(cartCookieSent('a=1; cart=c1-a?key=b; cart_ts=9')).toBe('c1-a?key=b');
    expect(cartCookieSent('cart_ts=9')).toBeUndefined();
    expect(cartCookieSent(undefined)).toBeUndefined();
  });
});
