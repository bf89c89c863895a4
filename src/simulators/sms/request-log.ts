/** `missing`: no X-Twilio-Signature header; `unchecked`: refused before the check (reset, wrong path or method). */
export type SignatureCheck = 'valid' | 'invalid' | 'missing' | 'unchecked';

/** One request as the simulator saw and answered it. */
export interface SmsRequestRecord {
  method: string;
  /** Path and query, as requested. */
  path: string;
  /** Checked even when `acceptUnsigned` lets the request through. */
  signature: SignatureCheck;
  from?: string;
  to?: string;
  body?: string;
  messageSid?: string;
  /** Twilio's OptOutType, when the request carried one (Advanced Opt-Out). */
  optOutType?: string;
  /** The HTTP status sent, or `reset` when the connection was dropped instead (`down`). */
  status: number | 'reset';
  /** The response body as sent ('' after a reset). */
  reply: string;
  /** Delay added before answering: `latencyMs`, plus the burst slowdown when it applied. */
  delayMs: number;
}

export interface RequestFilter {
  from?: string;
  status?: number | 'reset';
  signature?: SignatureCheck;
}

/** The requests received, in the order they were answered: what tests assert on. */
export class RequestLog {
  readonly #records: SmsRequestRecord[] = [];

  record(entry: SmsRequestRecord): void {
    this.#records.push(entry);
  }

  get entries(): readonly SmsRequestRecord[] {
    return [...this.#records];
  }

  /** Requests matching every given field. */
  count(filter: RequestFilter = {}): number {
    return this.#records.filter(
      (entry) =>
        (filter.from === undefined || entry.from === filter.from) &&
        (filter.status === undefined || entry.status === filter.status) &&
        (filter.signature === undefined || entry.signature === filter.signature),
    ).length;
  }

  clear(): void {
    this.#records.length = 0;
  }
}
