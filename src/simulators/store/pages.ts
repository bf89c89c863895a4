import type { Cart } from '../../shopify/cart.js';
import type { CatalogueProduct } from './catalogue.js';
import type { Order } from './ledger.js';

/**
 * Just enough storefront for a real browser to click through a purchase and leave a recording: every
 * page is self-contained (inline script and style, nothing from another host).
 */

const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const money = (minor: number): string => `$${(minor / 100).toFixed(2)}`;

const page = (title: string, body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} – Acme Outfitters</title>` +
  `<style>body{font-family:sans-serif;max-width:40em;margin:2em auto}button{padding:.5em 1em}</style></head>` +
  `<body><header><a href="/products/trail-jacket">Acme Outfitters</a> · <a href="/cart">Cart</a></header>${body}</body></html>`;

export function productPage(product: CatalogueProduct, available: (variantId: number) => boolean): string {
  const options = product.variants
    .map((variant) => `<option value="${variant.id}"${available(variant.id) ? '' : ' disabled'}>${escape(variant.title)} – ${money(variant.price)}</option>`)
    .join('');
  // Plain fetch calls to the Ajax Cart API, as a theme's product form makes them.
  const script = `
const variant = () => Number(document.getElementById('variant').value);
const post = (path, body) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body ?? {}) });
document.getElementById('add').addEventListener('click', async () => {
  const answer = await post('/cart/add.js', { items: [{ id: variant(), quantity: 1 }] });
  if (answer.ok) location.href = '/cart'; else document.getElementById('message').textContent = (await answer.json()).description;
});
document.getElementById('shop-pay').addEventListener('click', async () => {
  const added = await post('/cart/add.js', { items: [{ id: variant(), quantity: 1 }] });
  if (!added.ok) { document.getElementById('message').textContent = (await added.json()).description; return; }
  const { checkout_token } = await (await post('/wallets/shop-pay/checkout')).json();
  const paid = await post('/wallets/shop-pay/checkouts/' + checkout_token + '/complete');
  if (paid.ok) location.href = '/checkouts/cn/' + checkout_token + '/thank-you'; else document.getElementById('message').textContent = 'Payment failed';
});`;
  return page(
    product.title,
    `<h1>${escape(product.title)}</h1><label>Size <select id="variant">${options}</select></label>` +
      `<p><button id="add" type="button">Add to cart</button> <button id="shop-pay" type="button">Buy with Shop Pay</button></p>` +
      `<p id="message" role="status"></p><script>${script}</script>`,
  );
}

export function cartPage(cart: Cart): string {
  const rows = cart.items.map((item) => `<li>${escape(item.title)} × ${item.quantity} – ${money(item.final_line_price)}</li>`).join('');
  const checkout = cart.item_count > 0 ? `<form method="post" action="/checkout"><button type="submit" name="checkout">Check out</button></form>` : '';
  return page('Cart', `<h1>Your cart</h1><ul>${rows || '<li>Your cart is empty.</li>'}</ul><p>Total ${money(cart.total_price)}</p>${checkout}`);
}

/** Test values only: the simulated gateway pays with card "1", as Shopify's Bogus Gateway does. */
export function checkoutPage(token: string, authenticityToken: string, total: number): string {
  return page(
    'Checkout',
    `<h1>Checkout</h1><p>Total ${money(total)}</p><form method="post" action="/checkouts/cn/${escape(token)}/complete">` +
      `<input type="hidden" name="authenticity_token" value="${escape(authenticityToken)}">` +
      `<label>Email <input name="email" type="email" value="shopper@example.com"></label><br>` +
      // Collected as a real checkout collects them, and ignored: a recording then holds personal data to scrub.
      `<label>First name <input name="first_name" autocomplete="given-name"></label> <label>Last name <input name="last_name" autocomplete="family-name"></label><br>` +
      `<label>Address <input name="address1" autocomplete="address-line1"></label> <label>Postcode <input name="zip" autocomplete="postal-code"></label><br>` +
      `<label>Card (test gateway: 1 pays) <input name="card" value="1"></label><br>` +
      `<button type="submit">Pay now</button></form>`,
  );
}

export function thankYouPage(order: Order): string {
  return page('Thank you', `<h1>Thank you!</h1><p>Order #${order.number} is confirmed: ${money(order.totalPrice)}.</p>`);
}

export const notFoundPage = (): string => page('Not found', '<h1>Page not found</h1>');
