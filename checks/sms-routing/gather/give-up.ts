import type { ExchangeSeen } from '../artifact.js';

const TIMEOUTS_IN_A_ROW = 3;

/**
 * Stops sending after a few timeouts in a row: a webhook that never answers would otherwise hold the
 * run for hundreds of sequential timeouts (390 × 15 s is over an hour). What was not sent says so,
 * and the rules judge it as "could not check".
 */
export class GiveUp {
  #timeoutsInARow = 0;
  readonly reason: string;

  constructor(timeoutMs: number) {
    this.reason = `not sent: the webhook gave no reply within ${timeoutMs} ms ${TIMEOUTS_IN_A_ROW} times in a row`;
  }

  get stopped(): boolean {
    return this.#timeoutsInARow >= TIMEOUTS_IN_A_ROW;
  }

  record(exchange: Pick<ExchangeSeen, 'error'>): void {
    if (this.stopped) return;
    this.#timeoutsInARow = exchange.error?.startsWith('no reply within') ? this.#timeoutsInARow + 1 : 0;
  }
}
