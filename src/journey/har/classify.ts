import type { Entry } from 'har-format';
import { UsageError } from '../../lib/errors.js';
import { headerValues } from './read-har.js';

/** Why an entry of the recording is not a step of the journey. */
export type DropReason = 'third-party' | 'asset' | 'beacon' | 'preflight' | 'unanswered';

// Analytics and pixel traffic: on the store's own host or anywhere else, it is not the shopper's journey.
const BEACON_PATHS = [/^\/api\/collect\b/, /^\/\.well-known\/shopify\/monorail/, /^\/cdn-cgi\//, /\/web-pixels/, /^\/wpm@/, /\/monorail\//, /^\/collect$/, /^\/tr\/?$/, /^\/g\/collect/, /^\/j\/collect/];
const BEACON_HOSTS = [/monorail-edge\./, /google-analytics\.com$/, /googletagmanager\.com$/, /doubleclick\.net$/, /facebook\.(com|net)$/, /analytics\./, /bat\.bing\.com$/, /hotjar\./, /clarity\.ms$/, /tiktok\.com$/, /pinterest\.com$/];

const ASSET_TYPES = new Set(['image', 'stylesheet', 'script', 'font', 'media', 'manifest', 'texttrack', 'other-asset']);
const ASSET_MIME = /^(image|font|video|audio)\/|^text\/css|javascript|^application\/(font|wasm|manifest)|^application\/x-font/;
// `.js` is left out on purpose: Shopify's Ajax API answers /cart.js and /cart/add.js with JSON.
const ASSET_EXTENSION = /\.(png|jpe?g|gif|webp|avif|svg|ico|css|woff2?|ttf|otf|eot|map|mp4|webm)$/i;

const mimeOf = (entry: Entry): string => (entry.response.content.mimeType ?? headerValues(entry.response.headers, 'content-type')[0] ?? '').toLowerCase();

const resourceType = (entry: Entry): string | undefined => (entry as Entry & { _resourceType?: string })._resourceType?.toLowerCase();

const isDocument = (entry: Entry): boolean =>
  entry.request.method === 'GET' && (resourceType(entry) === 'document' || (resourceType(entry) === undefined && mimeOf(entry).startsWith('text/html')));

/** The store's origin: `--origin`, else the origin of the first page the browser loaded. */
export const storeOrigin = (entries: readonly Entry[], file: string, chosen?: string): string => {
  if (chosen !== undefined) {
    try {
      return new URL(chosen).origin;
    } catch {
      throw new UsageError(`--origin ${chosen} is not a URL (e.g. https://shop.example)`);
    }
  }
  const page = entries.find(isDocument) ?? entries[0];
  if (!page) throw new UsageError(`${file} has no requests: record again with the Network tab open and "Preserve log" on`);
  return new URL(page.request.url).origin;
};

/** Whether the entry is a step of the store's journey, or why not. */
export const dropReason = (entry: Entry, origin: string): DropReason | undefined => {
  const url = new URL(entry.request.url);
  if (BEACON_PATHS.some((pattern) => pattern.test(url.pathname)) || BEACON_HOSTS.some((pattern) => pattern.test(url.hostname))) return 'beacon';
  if (url.origin !== origin) return 'third-party';
  if (entry.request.method === 'OPTIONS') return 'preflight';
  // Blocked, cancelled or never answered: replaying it says nothing about the store.
  if (entry.response.status === 0) return 'unanswered';
  const type = resourceType(entry);
  if (entry.request.method === 'GET' && ((type !== undefined && ASSET_TYPES.has(type)) || ASSET_MIME.test(mimeOf(entry)) || ASSET_EXTENSION.test(url.pathname))) return 'asset';
  return undefined;
};
