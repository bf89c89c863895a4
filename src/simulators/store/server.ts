import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, DelayedCalls, listenOnLoopback, LOOPBACK, readBody } from '../loopback.js';
import { cartCookieSent } from '../../shopify/cart-cookie.js';
import { cartEndpointOf } from '../../shopify/cart-paths.js';
import { createAdminHandler, type AdminHandler } from '../store-admin/handler.js';
import { ledgerAdminStore } from './admin-store.js';
import { PurchaseEvents, type PurchaseEventCounts, type PurchaseEventsOptions } from './purchase-events.js';
import { Catalogue, DEFAULT_CATALOGUE, type CatalogueProduct } from './catalogue.js';
import { EvenPicker, mergeFaults, NO_FAULTS, type ActiveFaults, type StoreFaults } from './faults.js';
import { Ledger, type Order } from './ledger.js';
import { StoreRequestLog, type StoreRequestRecord } from './request-log.js';
import { json, Storefront, type Answer } from './storefront.js';

export { LOOPBACK };

export interface StoreSimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The catalogue and its starting stock; DEFAULT_CATALOGUE when left out. */
  products?: readonly CatalogueProduct[];
  faults?: StoreFaults;
  /** The Admin API token `/admin/` requests must carry; without one every Admin request is refused (401). */
  adminToken?: string;
  /** Where purchase events go: a pixel event per completion, and with `webhookSecret` an `orders/create` webhook per order. */
  events?: PurchaseEventsOptions;
}

export interface StoreSimulatorAddress {
  /** The store's origin, `http://127.0.0.1:<port>`: journey paths are appended to it. */
  url: string;
  host: string;
  port: number;
}

/** A cart or checkout request is a few KB at most. */
const MAX_BODY_BYTES = 64 * 1024;

const THROTTLED_BODY = { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] };

/**
 * A Shopify-like storefront on loopback: the Ajax Cart API with the `cart` cookie and its `?key=`,
 * product JSON and pages, native checkout (`POST /checkout` → 302 `/checkouts/cn/<token>` → completion
 * with the form's authenticity_token) and a Shop Pay-like wallet, over an in-memory catalogue, stock
 * and orders. One switch per defect checkout-load must catch (faults.ts). For the demo and the tests.
 */
export class StoreSimulator {
  /** Every request received and how it was answered. */
  readonly log = new StoreRequestLog();
  readonly #requestedPort: number;
  readonly #catalogue: Catalogue;
  readonly #ledger: Ledger;
  readonly #storefront: Storefront;
  readonly #serverErrors = new EvenPicker();
  #faults: ActiveFaults;
  #server: Server | undefined;
  #address: StoreSimulatorAddress | undefined;
  #startedAt = 0;
  #dead = false;
  #dieTimer: NodeJS.Timeout | undefined;
  readonly #delayed = new DelayedCalls();
  /** Wall-clock time at start: orders' `created_at` and events' timestamps count from it. */
  #startedEpochMs = Date.now();
  readonly #admin: AdminHandler;
  readonly #events: PurchaseEvents | undefined;

  constructor(options: StoreSimulatorOptions = {}) {
    this.#requestedPort = options.port ?? 0;
    this.#catalogue = new Catalogue(options.products ?? DEFAULT_CATALOGUE);
    this.#ledger = new Ledger(this.#catalogue);
    const isoAt = (atMs: number): string => new Date(this.#startedEpochMs + atMs).toISOString();
    const events = options.events === undefined ? undefined : new PurchaseEvents(options.events, isoAt);
    this.#events = events;
    this.#storefront = new Storefront(this.#catalogue, this.#ledger, events && ((purchase) => events.send(purchase)));
    this.#faults = mergeFaults(NO_FAULTS, options.faults ?? {});
    // No token given: a random one nobody holds, so every Admin request gets Shopify's 401.
    const accessToken = options.adminToken ?? randomBytes(32).toString('hex');
    this.#admin = createAdminHandler({ store: ledgerAdminStore(this.#catalogue, this.#ledger, isoAt), accessToken });
  }

  /** What the simulator posted to the events collector so far (zeros without `events`). */
  get eventCounts(): PurchaseEventCounts {
    return this.#events?.counts ?? { pixels: 0, webhooks: 0, lost: 0, failed: 0 };
  }

  /** Resolves once every purchase event posted so far has been answered or has timed out. */
  async eventsSettled(): Promise<void> {
    await this.#events?.settled();
  }

  /** Where it listens; throws before start(). */
  get address(): StoreSimulatorAddress {
    if (!this.#address) throw new Error('the store simulator is not started');
    return this.#address;
  }

  /** Orders placed, in order. */
  get orders(): readonly Order[] {
    return this.#ledger.orders;
  }

  /** Units on hand by variant id. */
  inventory(): Record<number, number> {
    return this.#ledger.inventory();
  }

  stockOf(variantId: number): number {
    return this.#ledger.stockOf(variantId);
  }

  /** True once `dieAfterMs` has struck. */
  get dead(): boolean {
    return this.#dead;
  }

  async start(): Promise<StoreSimulatorAddress> {
    if (this.#address) return this.#address;
    const server = createServer((request, response) => this.#accept(request, response));
    const port = await listenOnLoopback(server, this.#requestedPort, 'store simulator');
    this.#server = server;
    this.#startedAt = performance.now();
    this.#startedEpochMs = Date.now();
    this.#address = { url: `http://${LOOPBACK}:${port}`, host: LOOPBACK, port };
    this.#scheduleDeath();
    return this.#address;
  }

  /** Waits for the purchase events in flight (each has a time limit), then closes the server, every open connection and every pending timer. Safe to call twice. */
  async stop(): Promise<void> {
    this.#delayed.cancelAll();
    clearTimeout(this.#dieTimer);
    await this.eventsSettled();
    const server = this.#server;
    this.#server = undefined;
    this.#address = undefined;
    if (!server) return;
    await closeServer(server);
  }

  /** Changes the given switches now; what is not given stays as it was. */
  setFaults(faults: StoreFaults): void {
    this.#faults = mergeFaults(this.#faults, faults);
    if (faults.dieAfterMs !== undefined) this.#scheduleDeath();
  }

  /** Changes the given switches `ms` after start (a recording then sees the defect at a known step). */
  setFaultsAfter(ms: number, faults: StoreFaults): void {
    this.#delayed.run(ms - this.#sinceStart(), () => this.setFaults(faults));
  }

  /** Every switch off (stock, carts and orders are kept). */
  clearFaults(): void {
    this.#faults = NO_FAULTS;
    clearTimeout(this.#dieTimer);
  }

  #sinceStart(): number {
    return this.#address ? Math.round(performance.now() - this.#startedAt) : 0;
  }

  /** `dieAfterMs` counts from start, or from when it is set on a running store. */
  #scheduleDeath(): void {
    clearTimeout(this.#dieTimer);
    const after = this.#faults.dieAfterMs;
    if (after === null || !this.#server) return;
    this.#dieTimer = setTimeout(() => {
      this.#dead = true;
      // Stops accepting (new connections are refused) and drops every open one mid-answer.
      this.#server?.close();
      this.#server?.closeAllConnections();
    }, after);
  }

  #accept(request: IncomingMessage, response: ServerResponse): void {
    const at = this.#sinceStart();
    const method = request.method ?? 'GET';
    // Split by hand: a URL parser throws on some request targets a client can send.
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    if (this.#dead) {
      this.log.record({ method, path, status: 'reset', at, delayMs: 0, fault: 'dieAfterMs' });
      request.socket.destroy();
      return;
    }
    // The Admin API reads the store's records; the storefront's switches are not its to suffer.
    if (this.#admin(request, response)) {
      this.log.record({ method, path, status: response.statusCode, at, delayMs: 0 });
      return;
    }
    // The switches in force when the request arrived decide its fate, even if changed meanwhile.
    const faults = this.#faults;
    readBody(request, MAX_BODY_BYTES, (body) => {
      const answer = body === undefined ? json(413, { error: 'Request body too large' }) : this.#answer(method, path, request, body, at, faults);
      const { fault } = answer;
      const endpoint = cartEndpointOf(path);
      // Discounts are evaluated when the cart changes, whatever the answer; an answer a fault made up never reached them.
      const delayMs = endpoint !== undefined && endpoint !== 'read' && fault === undefined ? faults.slowDiscountMs : 0;
      const record: StoreRequestRecord = { method, path, status: answer.status, at, delayMs, ...(fault ? { fault } : {}) };
      this.#send(response, answer, record, faults);
    });
  }

  #answer(method: string, path: string, request: IncomingMessage, body: string, at: number, faults: ActiveFaults): Answer {
    if (faults.retryAfter503 !== null) return { status: 503, headers: { 'content-type': 'text/plain', 'retry-after': String(faults.retryAfter503) }, body: 'Service Unavailable', fault: 'retryAfter503' };
    if (this.#serverErrors.pick(faults.serverErrors, at)) return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error', fault: 'serverErrors' };
    if (faults.throttleIn200 && Storefront.isApi(method, path)) return { ...json(200, THROTTLED_BODY), fault: 'throttleIn200' };
    return this.#storefront.answer({ method, path, cartCookie: cartCookieSent(request.headers.cookie), body, atMs: at }, faults);
  }

  #send(response: ServerResponse, answer: Answer, record: StoreRequestRecord, faults: ActiveFaults): void {
    const finish = (): void => {
      if (response.destroyed) return; // stop(), death or the client went away while it waited.
      this.log.record(record);
      const headers: Record<string, string | string[]> = { ...answer.headers };
      if (faults.connectionClose) headers.connection = 'close';
      if (faults.closeDelimited) {
        // No length and no chunks: the body ends where the connection does (legal HTTP/1.1, and what some proxies send).
        response.useChunkedEncodingByDefault = false;
        response.shouldKeepAlive = false;
      } else headers['content-length'] = String(Buffer.byteLength(answer.body));
      response.writeHead(answer.status, headers);
      response.end(answer.body);
    };
    const { delayMs } = record;
    this.#delayed.run(delayMs, finish);
  }
}
