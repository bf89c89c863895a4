export * from './cart.js';
export { CART_COOKIE, cartCookieSent, cartCookiesSet, hasKey, makeCartCookie, parseCartCookie, type CartCookie } from './cart-cookie.js';
export { cartEndpointOf, productPathOf, type CartEndpoint } from './cart-paths.js';
export { parseCartMutation, type AddLine, type CartMutation, type LineTarget } from './cart-requests.js';
export { checkoutPathKind, checkoutTokenOf, isCheckoutPath, isPaymentRequest, type CheckoutPathKind } from './checkout-paths.js';
export { classifyThrottle, retryAfterSeconds } from './throttle.js';
export { CartObserver, type CartObservations, type DefectCount } from './cart-observer.js';
export { CheckoutObserver, DEFAULT_MAX_CHECKOUTS, maskToken, type CheckoutAttempts, type CompletedCheckouts, type CompletedCheckoutSeen } from './checkout-observer.js';
