export { LOOPBACK, StoreSimulator, type StoreSimulatorAddress, type StoreSimulatorOptions } from './server.js';
export { NO_FAULTS, type SharedFault, type StoreFaults } from './faults.js';
export { DEFAULT_CATALOGUE, type CatalogueProduct, type CatalogueVariant } from './catalogue.js';
export type { Order, OrderLine } from './ledger.js';
export { StoreRequestLog, type StoreRequestRecord } from './request-log.js';
