import { randomInt } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { ExchangeRequest, ExchangeResult } from './exchange.js';
import { UdpPort, type UdpFamily } from './udp-port.js';

export interface UdpPoolOptions {
  /** Ports open at once per address family. Default 16. */
  ports?: number;
  /** Questions one port carries before it is replaced by a port bound afresh. Default 64. */
  questionsPerPort?: number;
}

/**
 * UDP ports for a resolver's questions, as recursive resolvers keep them: a few sockets on random ports,
 * each question sent from one picked at random, each port replaced after a few dozen questions. A forger
 * must guess the port among those few as well as the 16-bit id, without a socket's cost on every question.
 */
export class UdpPool {
  readonly #ports: number;
  readonly #questionsPerPort: number;
  readonly #slots: Record<UdpFamily, (UdpPort | undefined)[]> = { udp4: [], udp6: [] };

  constructor(options: UdpPoolOptions = {}) {
    this.#ports = options.ports ?? 16;
    this.#questionsPerPort = options.questionsPerPort ?? 64;
    if (!(Number.isInteger(this.#ports) && this.#ports > 0)) throw new RangeError(`ports must be a positive integer, got ${this.#ports}`);
    if (!(Number.isInteger(this.#questionsPerPort) && this.#questionsPerPort > 0)) {
      throw new RangeError(`questionsPerPort must be a positive integer, got ${this.#questionsPerPort}`);
    }
  }

  /** Sends the question from a port picked at random; returns how to stop waiting for its answer. */
  ask(request: ExchangeRequest, finish: (result: ExchangeResult) => void): () => void {
    const family: UdpFamily = isIPv6(request.server.host) ? 'udp6' : 'udp4';
    const slots = this.#slots[family];
    const slot = randomInt(0, this.#ports);
    let port = slots[slot];
    if (port === undefined || !port.open) {
      port = new UdpPort(family);
      slots[slot] = port;
    }
    const stop = port.ask(request, finish);
    if (port.uses >= this.#questionsPerPort) port.retire();
    return stop;
  }
}
