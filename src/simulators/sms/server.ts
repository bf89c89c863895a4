import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, DelayedCalls, listenOnLoopback, LOOPBACK, readBody } from '../loopback.js';
import { decodeForm } from '../../twilio/form.js';
import { SIGNATURE_HEADER, validateTwilioSignature } from '../../twilio/signature.js';
import { mergeFaults, NO_FAULTS, type ActiveFaults, type SmsFaults } from './faults.js';
import { RequestLog, type SignatureCheck, type SmsRequestRecord } from './request-log.js';
import { SmsStore, type OptOutHandler } from './store.js';
import { renderTwiml } from '../../twilio/twiml-writer.js';

export { LOOPBACK };

export interface SmsSimulatorOptions extends SmsFaults {
  /** The token the store validates X-Twilio-Signature with. */
  authToken: string;
  brand?: string;
  /** Where HELP sends people: an email, phone number or URL. */
  contact?: string;
  optOutHandledBy?: OptOutHandler;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The webhook's path; other paths get 404. */
  path?: string;
}

export interface SmsSimulatorAddress {
  /** The webhook URL to post (and sign) to. */
  url: string;
  host: string;
  port: number;
}

/** Twilio posts a few hundred bytes; anything this large is not a webhook call. */
const MAX_BODY_BYTES = 64 * 1024;

const HTML_PAGE = '<!DOCTYPE html><html><head><title>Store</title></head><body><h1>Welcome to our store</h1></body></html>';

/**
 * A store's Twilio inbound-SMS webhook on loopback: checks X-Twilio-Signature against the URL it is
 * reached at, keeps opt-out state per number and answers TwiML, with one switch per defect q4check
 * must catch. For the demo and the tests.
 */
export class SmsSimulator {
  /** Every request received and how it was answered. */
  readonly log = new RequestLog();
  readonly #authToken: string;
  readonly #path: string;
  readonly #requestedPort: number;
  readonly #store: SmsStore;
  #faults: ActiveFaults;
  #server: Server | undefined;
  #address: SmsSimulatorAddress | undefined;
  #inFlight = 0;
  /** When the single worker of `capacityPerSecond` is next free, in ms (performance.now). */
  #workerFreeAt = 0;
  readonly #delayed = new DelayedCalls();

  constructor(options: SmsSimulatorOptions) {
    this.#authToken = options.authToken;
    this.#path = options.path ?? '/sms';
    this.#requestedPort = options.port ?? 0;
    this.#store = new SmsStore({ brand: options.brand ?? 'Acme Outfitters', contact: options.contact ?? 'help@acme.example' }, options.optOutHandledBy ?? 'app');
    this.#faults = mergeFaults(NO_FAULTS, options);
  }

  /** Where it listens; throws before start(). */
  get address(): SmsSimulatorAddress {
    if (!this.#address) throw new Error('the SMS simulator is not started');
    return this.#address;
  }

  /** Requests being handled right now (a delayed answer counts until it is sent). */
  get inFlight(): number {
    return this.#inFlight;
  }

  async start(): Promise<SmsSimulatorAddress> {
    if (this.#address) return this.#address;
    const server = createServer((request, response) => this.#accept(request, response));
    const port = await listenOnLoopback(server, this.#requestedPort, 'SMS simulator');
    this.#server = server;
    this.#address = { url: `http://${LOOPBACK}:${port}${this.#path}`, host: LOOPBACK, port };
    return this.#address;
  }

  /** Closes the server, every open connection and every delayed answer. Safe to call twice. */
  async stop(): Promise<void> {
    this.#delayed.cancelAll();
    const server = this.#server;
    this.#server = undefined;
    this.#address = undefined;
    if (!server) return;
    await closeServer(server);
  }

  /** Changes the given switches while running; what is not given stays as it was. */
  setFaults(faults: SmsFaults): void {
    this.#faults = mergeFaults(this.#faults, faults);
  }

  /** Every switch off: a compliant store again (opt-out state is kept). */
  clearFaults(): void {
    this.#faults = NO_FAULTS;
  }

  isOptedOut(number: string): boolean {
    return this.#store.isOptedOut(number);
  }

  #accept(request: IncomingMessage, response: ServerResponse): void {
    this.#inFlight += 1;
    response.once('close', () => {
      this.#inFlight -= 1;
    });
    // The switches in force when the request arrived decide its fate, even if changed meanwhile.
    const faults = this.#faults;
    const slowdown = faults.slowUnderBurst;
    const delayMs = faults.latencyMs + (slowdown !== null && this.#inFlight > slowdown.afterConcurrent ? slowdown.delayMs : 0) + this.#queueDelay(faults.capacityPerSecond);
    const path = request.url ?? '/';
    const method = request.method ?? 'GET';
    if (faults.down) {
      this.log.record({ method, path, signature: 'unchecked', status: 'reset', reply: '', delayMs: 0 });
      request.socket.resetAndDestroy();
      return;
    }
    readBody(request, MAX_BODY_BYTES, (body) => {
      const answer: Answer = body === undefined ? { status: 413, type: 'text/plain', text: 'Request body too large.' } : this.#answer(request, body, faults);
      const record: SmsRequestRecord = { method, path, ...answer.seen, signature: answer.signature ?? 'unchecked', status: answer.status, reply: answer.text, delayMs };
      this.#send(response, answer, record);
    });
  }

  /** How long this request waits for the single worker, which serves one every 1000/capacity ms. */
  #queueDelay(capacityPerSecond: number | null): number {
    if (capacityPerSecond === null) return 0;
    const now = performance.now();
    const startsAt = Math.max(now, this.#workerFreeAt);
    this.#workerFreeAt = startsAt + 1000 / capacityPerSecond;
    return Math.round(this.#workerFreeAt - now);
  }

  #answer(request: IncomingMessage, body: string, faults: ActiveFaults): Answer {
    if (request.method !== 'POST') return { status: 405, type: 'text/plain', text: 'Method not allowed.' };
    // Split by hand: a URL parser throws on some request targets a client can send.
    const pathname = (request.url ?? '/').split('?')[0];
    if (pathname !== this.#path) return { status: 404, type: 'text/plain', text: 'Not found.' };
    const params = decodeForm(body);
    const field = (name: string): string | undefined => {
      const value = params[name];
      return typeof value === 'string' ? value : value?.[0];
    };
    const optOutType = field('OptOutType');
    const seen = { from: field('From'), to: field('To'), body: field('Body'), messageSid: field('MessageSid'), ...(optOutType === undefined ? {} : { optOutType }) };
    const given = signatureOf(request);
    // Signed over the URL as the store is reached, the way twilio-node's Express middleware rebuilds it.
    const reachedAt = `http://${request.headers.host ?? `${LOOPBACK}:${request.socket.localPort ?? 0}`}${request.url ?? '/'}`;
    const signature: SignatureCheck = given === undefined ? 'missing' : validateTwilioSignature(this.#authToken, given, reachedAt, params) ? 'valid' : 'invalid';
    if (signature !== 'valid' && !faults.acceptUnsigned) return { status: 403, type: 'text/plain', text: 'Twilio Request Validation Failed.', seen, signature };
    if (faults.serverError) return { status: 500, type: 'text/plain', text: 'Internal Server Error', seen, signature };
    if (faults.htmlReplies) return { status: 200, type: 'text/html; charset=utf-8', text: HTML_PAGE, seen, signature };
    const messages = this.#store.answer({ from: seen.from ?? '', body: seen.body ?? '', messageSid: seen.messageSid ?? '', ...(optOutType ? { optOutType } : {}) }, faults);
    return { status: 200, type: 'text/xml', text: renderTwiml(messages), seen, signature };
  }

  #send(response: ServerResponse, answer: Answer, record: SmsRequestRecord): void {
    const finish = (): void => {
      if (response.destroyed) return; // stop() or the client went away while it waited.
      this.log.record(record);
      response.writeHead(answer.status, { 'content-type': answer.type });
      response.end(answer.text);
    };
    const { delayMs } = record;
    this.#delayed.run(delayMs, finish);
  }
}

interface Answer {
  status: number;
  type: string;
  text: string;
  seen?: Pick<SmsRequestRecord, 'from' | 'to' | 'body' | 'messageSid' | 'optOutType'>;
  signature?: SignatureCheck;
}

const signatureOf = (request: IncomingMessage): string | undefined => {
  const header = request.headers[SIGNATURE_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value === '' ? undefined : value;
};
