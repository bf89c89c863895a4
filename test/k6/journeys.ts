import { config as configSchema, type CheckoutLoadConfig } from '../../checks/checkout-load/config.js';
import { planLoad } from '../../checks/checkout-load/plan.js';
import type { Journey } from '../../src/journey/types.js';
import type { K6ExportInput } from '../../src/k6/export.js';

/** The native checkout: browse, add, read the cart, go to checkout (302 with the token), pay. */
export const native: Journey = {
  name: 'native',
  checkoutFrom: 1,
  steps: [
    { name: 'product', method: 'GET', path: '/products/doorbuster.js', capture: [{ name: 'variant', json: 'variants[0].id' }], expect: { status: 200 } },
    { name: 'add to cart', method: 'POST', path: '/cart/add.js', body: { json: { items: [{ id: '{{variant}}', quantity: 1 }] } }, expect: { status: 200 }, thinkMs: 2_000 },
    { name: 'cart', method: 'GET', path: '/cart.js', capture: [{ name: 'cartToken', cookie: 'cart', regex: '^([^?]+)' }], expect: { status: 200, json: { item_count: 1 } } },
    { name: 'checkout', method: 'POST', path: '/checkout', body: { form: { 'checkout[email]': '{{uniqueEmail}}' } }, capture: [{ name: 'checkoutUrl', header: 'location', regex: '/checkouts/cn/([^/?]+)' }], expect: { status: 302 } },
    { name: 'complete', method: 'POST', path: '/checkouts/cn/{{checkoutUrl}}/complete', body: { json: { cart: '{{cartToken|url}}' } }, expect: { status: 200 }, payment: true },
  ],
};

/** The wallet path: a different shape, a credential header, a text body. */
export const shopPay: Journey = {
  name: 'shop-pay',
  checkoutFrom: 1,
  steps: [
    { name: 'product', method: 'GET', path: '/products/doorbuster.js', expect: { status: 200 } },
    { name: 'wallet, start', method: 'POST', path: '/wallets/checkouts', headers: { 'X-Shopify-Storefront-Access-Token': 'do-not-ship-me', Accept: 'application/json' }, body: { text: 'shopper={{shopperIndex}}', contentType: 'text/plain' }, capture: [{ name: 'wallet', json: 'token' }] },
    { name: 'wallet pay', method: 'POST', path: '/wallets/checkouts/{{wallet}}/payments', expect: { status: [200, 201] }, payment: true },
  ],
};

export const profileSection = (overrides: Record<string, unknown> = {}): CheckoutLoadConfig =>
  configSchema.parse({
    target: 'https://staging.acme.example',
    authorization: 'OPS-4821',
    allowedHosts: ['staging.acme.example'],
    lastYearPeak: { sessionsPerMinute: 600 },
    growth: 0.25,
    buffer: 0.2,
    conversion: 0.25,
    duration: '2m',
    journeys: [
      { name: 'native', file: 'native.yaml', weight: 0.7 },
      { name: 'shop-pay', file: 'shop-pay.yaml', weight: 0.3 },
    ],
    ...overrides,
  });

export const exportInput = (paymentsAllowed: boolean, overrides: Record<string, unknown> = {}): K6ExportInput => {
  const config = profileSection(overrides);
  const journeys = [native, shopPay];
  return { config, journeys, plan: planLoad({ config, journeys, paymentsAllowed }), paymentsAllowed };
};
