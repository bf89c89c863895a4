export { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_EVENTS, startCollector, type Collector, type CollectorOptions } from './collector.js';
export type { CollectedEvent, CollectorCounts, CompletedCheckout, EventSource, RefusalReason } from './events.js';
export { isLoopbackAddress, parseListenAddress, type ListenAddress } from './listen-address.js';
export { matchEvents, type AttributionMatch, type JourneyAttribution } from './match.js';
export { ORDERS_CREATE, orderIdOf, readOrderWebhook, readPixelEvent } from './read-event.js';
export { signWebhookBody, WEBHOOK_HMAC_HEADER, WEBHOOK_ID_HEADER, WEBHOOK_TOPIC_HEADER, webhookHmacMatches } from './webhook-hmac.js';
export { checkoutCompletedEvent, orderCreatedWebhook, postEvent, type CompletedPurchase, type OutgoingEvent } from './send.js';
