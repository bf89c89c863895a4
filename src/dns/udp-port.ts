import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { sameAddress } from './addresses.js';
import { readReply, type ExchangeRequest, type ExchangeResult } from './exchange.js';

export type UdpFamily = 'udp4' | 'udp6';

interface Waiter {
  request: ExchangeRequest;
  finish: (result: ExchangeResult) => void;
}

/**
 * One UDP socket on a port the kernel picked at random, shared by several questions at once. An answer
 * reaches the question it answers only: same id, same question, from the address and port asked.
 * The socket closes once nobody waits on it, so an idle resolver holds no socket.
 */
export class UdpPort {
  readonly #socket: Socket;
  /** By query id; two questions on one port rarely share an id, but nothing breaks when they do. */
  readonly #waiters = new Map<number, Waiter[]>();
  #waiting = 0;
  #uses = 0;
  #retired = false;
  #closed = false;
  #idleCheck = false;

  constructor(family: UdpFamily) {
    this.#socket = createSocket(family);
    this.#socket.on('message', (packet, from) => this.#deliver(packet, from));
    // A socket that cannot bind or breaks fails every question on it; later questions get a new one.
    this.#socket.on('error', (error) => this.#fail(`UDP: ${error.message}`));
  }

  /** Questions sent from this port so far. */
  get uses(): number {
    return this.#uses;
  }

  /** Whether a new question may be sent from this port. */
  get open(): boolean {
    return !this.#retired && !this.#closed;
  }

  /** Sends the question and hands the answer (or a send error) to `finish`; returns how to stop waiting. */
  ask(request: ExchangeRequest, finish: (result: ExchangeResult) => void): () => void {
    const waiter: Waiter = { request, finish };
    const { id } = request;
    const sameId = this.#waiters.get(id);
    if (sameId) sameId.push(waiter);
    else this.#waiters.set(id, [waiter]);
    this.#waiting += 1;
    this.#uses += 1;
    this.#socket.send(request.query, request.server.port, request.server.host, (error) => {
      if (error) finish({ kind: 'error', error: `UDP: ${error.message}` });
    });
    return () => this.#forget(waiter);
  }

  /** Takes no more questions; closes once the ones in flight are done. */
  retire(): void {
    this.#retired = true;
    if (this.#waiting === 0) this.#close();
  }

  #deliver(packet: Buffer, from: RemoteInfo): void {
    if (packet.length < 2) return;
    const waiters = this.#waiters.get(packet.readUInt16BE(0));
    if (!waiters) return;
    for (const waiter of waiters) {
      const { host, port } = waiter.request.server;
      if (from.port !== port || !sameAddress(from.address, host)) continue;
      const result = readReply(packet, waiter.request);
      if (result) {
        waiter.finish(result);
        return;
      }
    }
  }

  #forget(waiter: Waiter): void {
    const { id } = waiter.request;
    const sameId = this.#waiters.get(id);
    const index = sameId?.indexOf(waiter) ?? -1;
    if (sameId === undefined || index < 0) return;
    sameId.splice(index, 1);
    if (sameId.length === 0) this.#waiters.delete(id);
    this.#waiting -= 1;
    if (this.#waiting > 0) return;
    if (this.#retired) this.#close();
    else this.#closeIfStillIdle();
  }

  /** An answer often leads straight to the next question: wait a turn of the event loop before closing. */
  #closeIfStillIdle(): void {
    if (this.#idleCheck) return;
    this.#idleCheck = true;
    setImmediate(() => {
      this.#idleCheck = false;
      if (this.#waiting === 0) this.#close();
    });
  }

  #fail(error: string): void {
    this.#retired = true;
    for (const waiter of [...this.#waiters.values()].flat()) waiter.finish({ kind: 'error', error });
    this.#close();
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#socket.close();
    } catch {
      // Already closed after a socket error: nothing left to release.
    }
  }
}
