export { Resolver, type ResolverOptions } from './resolver.js';
export { reverseName } from './reverse.js';
export { normalizeName } from './names.js';
export { parseResolvConf, readSystemServers } from './system-servers.js';
export type { ServerAddress } from './server-address.js';
export * from './types.js';
