export { createAdminHandler, type AdminHandler, type AdminHandlerOptions } from './handler.js';
export type { AdminStore, AdminStoreLevel, AdminStoreOrder } from './store.js';
