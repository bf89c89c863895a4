export {
  ACCESS_TOKEN_HEADER,
  ADMIN_API_VERSION,
  ADMIN_PATHS,
  INVENTORY_ITEM_BATCH,
  MAX_PAGE_LIMIT,
  ORDER_FIELDS,
  type AdminInventoryLevel,
  type AdminOrder,
} from './api.js';
export { adminClient, type AdminClient, type AdminClientOptions } from './client.js';
export { AdminApiError } from './get.js';
export { groundTruth, stockByVariant, withOrderIds, type GroundTruth, type StockByVariant, type VariantStock } from './ground-truth.js';
export { formatLink, nextPageUrl } from './link-header.js';
export { readStock, type StockReading } from './read-stock.js';
