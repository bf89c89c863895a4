import { exchangeWithDeadline, type ExchangeRequest, type ExchangeResult } from './exchange.js';
import type { UdpPool } from './udp-pool.js';

/** Sends the question once over UDP, from one of the pool's ports, and waits for the matching answer. */
export function udpExchange(pool: UdpPool, request: ExchangeRequest): Promise<ExchangeResult> {
  return exchangeWithDeadline(request, (finish) => pool.ask(request, finish));
}
