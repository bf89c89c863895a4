export { LOOPBACK, StoreSimulator, type StoreSimulatorAddress, type StoreSimulatorOptions } from './server.js';
export { NO_FAULTS, type EventLoss, type SharedFault, type StoreFaults } from './faults.js';
export { DEFAULT_CATALOGUE, type CatalogueProduct, type CatalogueVariant } from './catalogue.js';
export type { Order, OrderLine } from './ledger.js';
export { StoreRequestLog, type StoreRequestRecord } from './request-log.js';
export { INVENTORY_ITEM_OFFSET, LOCATION_ID } from './admin-store.js';
export type { PurchaseEventCounts, PurchaseEventsOptions } from './purchase-events.js';
