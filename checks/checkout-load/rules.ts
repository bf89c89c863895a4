import type { RuleMeta } from '../../src/engine/define-check.js';

export const rules = {
  'target-authorization': {
    title: 'The load target is authorised',
    failureTitle: 'The load target is not authorised',
    severity: 'critical',
    description:
      'A load test at peak rate is indistinguishable from an attack on the host that receives it, and Shopify answers suspicious traffic with 430 and may lock a store. Any target that is not this machine needs a written authorization and its host in allowedHosts; a *.myshopify.com store, or a host that may serve real shoppers, also needs --allow-production. A refused target receives nothing: no DNS question, no request.',
    fix: 'Add `authorization:` (who approved it, and the ticket) and the host to `allowedHosts`; for a production host, run with --allow-production once it is approved.',
    ref: 'Shopify API Terms of Use ("don\'t … disrupt or overburden our systems"); Shopify API response codes (430, 423)',
  },
  throughput: {
    title: 'The store takes the peak arrival rate',
    failureTitle: 'The store cannot take the peak arrival rate',
    severity: 'critical',
    description:
      "Sessions arrive at last year's busiest rate plus growth and a buffer whether the store keeps up or not (an open model, as shoppers do). A store that falls behind piles up sessions until new ones cannot start: those are dropped. Every stage must start at least 95% of its planned sessions.",
    fix: 'Find the slowest step in the latency finding and what saturates behind it (app proxies, inventory or discount apps, custom endpoints); scale them, cache reads, and test again.',
    ref: 'k6 arrival-rate executors (dropped_iterations); Gil Tene, "How NOT to measure latency" (coordinated omission)',
  },
  latency: {
    title: 'Checkout steps answer within the latency thresholds',
    failureTitle: 'Checkout steps are too slow at peak rate',
    severity: 'high',
    description:
      'Latency is measured from the moment each request was due, so a store that falls behind cannot hide it. The 95th and 99th percentiles of every step and every whole journey must stay under the profile’s thresholds: the slowest shoppers at the peak are the ones who abandon.',
    fix: 'Start with the slowest step named here: discount and inventory apps on cart mutations, uncached product JSON, custom checkout extensions.',
    ref: 'Gil Tene, coordinated omission; wrk2 (latency from the intended send time)',
  },
  'error-rate': {
    title: 'Checkout steps answer without errors',
    failureTitle: 'Checkout steps fail at peak rate',
    severity: 'critical',
    description:
      'Transport errors, timeouts and 5xx answers over all requests, per step, must stay under the error-rate threshold. A store that stops answering mid-run fails here with the time it stopped. 4xx answers the store means (a 422 for stock) and throttling are judged elsewhere.',
    fix: 'Look at the failing step’s errors and the time they began: a dependency that saturates (an app proxy, a payment or inventory service) or a store that fell over.',
    ref: 'RFC 9110 §15.6 (5xx); Shopify API response codes',
  },
  throttling: {
    title: 'The store is not throttled at peak rate',
    failureTitle: 'The store throttles shoppers at peak rate',
    severity: 'high',
    description:
      'Shopify throttles in four forms: 429, 430 (security rejection of suspected bots), 503 with Retry-After, and a 200 whose JSON carries a THROTTLED error, which a status-only monitor misses. A throttled shopper at the peak is a lost order.',
    fix: 'Spread flash-sale traffic (a queue page), cut redundant cart calls from the theme, and for 430 identify the load test as a signed bot (Web Bot Auth) or run it against a development store.',
    ref: 'Shopify API limits and response codes (429, 430, 503); Storefront checkout throttle (200 Throttled)',
  },
  'cart-consistency': {
    title: 'Carts stay consistent under load',
    failureTitle: 'Carts change under the shopper',
    severity: 'high',
    description:
      "Under load, discount and inventory apps re-key cart lines (a theme holding the old key then fails), a quantity sent is missing from the next /cart.js, a 422 leaves the cart stale (Dawn's frozen cart drawer), or the cart cookie loses its ?key= and updates land in a new cart.",
    fix: 'Read line keys from the latest /cart.js before each change, re-fetch the cart after every 422, and keep the cart cookie with its key; check discount apps under load.',
    ref: 'Shopify Cart API reference (line keys are not persistent; 422); Shopify changelog 2024-05-06 (cart cookie key); Shopify/dawn #3921, #3340',
  },
  'oversold-stock': {
    title: 'No stock is oversold at peak',
    failureTitle: 'Stock is oversold at peak',
    severity: 'critical',
    description:
      "Two shoppers buying the last unit at once is where a store loses money at the doorbuster: the orders (from the store's own records) must not hold more units of a variant than it had before the run, and inventory must not go below zero. Read with the Admin API before and after the run; a race makes shoppers collide on purpose.",
    fix: 'Reserve stock at checkout completion atomically (Shopify does for its own inventory; check apps and ERPs that write inventory), and turn off "continue selling when out of stock" for limited drops.',
    ref: 'Shopify Admin REST API 2026-10 (inventory_levels, orders); Shopify Cart API (update.js does not validate inventory)',
  },
  'duplicate-orders': {
    title: 'One order for each completed checkout',
    failureTitle: 'Checkouts produce duplicate or lost orders',
    severity: 'critical',
    description:
      "A retried completion or a race in an order app can create two orders for one checkout (two charges, two shipments); a checkout that completed with no order is a sale lost. From the store's records: at most one order per checkout token, no more orders than completed checkouts, and an order for every completed checkout.",
    fix: 'Make order creation idempotent on the checkout token (order apps, webhooks that create orders elsewhere), and find where completed checkouts lose their order.',
    ref: 'Shopify Admin REST API 2026-10 (orders, checkout_token)',
  },
  'attribution-events': {
    title: 'Every purchase sends one attribution event',
    failureTitle: 'Purchases lose or repeat their attribution event',
    severity: 'high',
    description:
      "The ad platforms bid on the purchase event. Under load the wallet path's thank-you page may not load, so checkout_completed never fires and the sale is unattributed; a relay may send it twice. One event per completed checkout, on every path, matched by checkout token or order id.",
    fix: 'Fire the purchase event server-side (a server pixel or the orders/create webhook) rather than only on the thank-you page, and de-duplicate on the checkout token.',
    ref: 'Shopify Web Pixels API, checkout_completed; Shopify webhooks (orders/create, X-Shopify-Hmac-Sha256)',
  },
} satisfies Record<string, RuleMeta>;

export type CheckoutLoadRule = keyof typeof rules;
