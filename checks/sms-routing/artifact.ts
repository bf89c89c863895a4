import type { CutOff } from '../../src/lib/cut-off.js';

/** One POST to the webhook and what came back; trouble (timeout, reset, refused) kept as data. */
export interface ExchangeSeen {
  /** The Body sent. */
  body: string;
  /** How the request was signed: correctly, not at all, or with another token. */
  signature: 'valid' | 'missing' | 'forged';
  /** Delivered again with the MessageSid of an earlier exchange of the sequence (Twilio's retry). */
  replayOf?: number;
  status?: number;
  contentType?: string;
  /** The reply body, at most 8 KB, phone numbers masked. */
  reply?: string;
  latencyMs?: number;
  error?: string;
  /** Not sent, or not answered, because the check's time limit (or Ctrl-C) stopped it. */
  cutOff?: CutOff;
}

export type { CutOff };

export type SequenceKind = 'opt-out' | 'repeat' | 'help' | 'opt-in' | 'forgery';

/** Messages sent one after another from a shopper number of the sequence's own, each waiting for the previous reply. */
export interface SequenceSeen {
  kind: SequenceKind;
  /** The variant sent, exactly as typed ("Stop.", " stop! "). */
  keyword: string;
  /** The corpus entry it is a variant of. */
  entry: string;
  grade: 'must' | 'should';
  language?: string;
  exchanges: ExchangeSeen[];
}

export interface BurstArrival {
  intendedMs: number;
  sendLagMs: number;
  latencyMs: number;
  status?: number;
  /** Why a 2xx/3xx answer is not TwiML (an HTML page, JSON), when it is not. */
  notTwiml?: string;
  error?: string;
}

export interface SmsRoutingArtifact {
  /** The webhook as configured, without credentials or query string. */
  webhook: string;
  canadian: boolean;
  sequences: SequenceSeen[];
  /** `cutOff`: the time limit (or Ctrl-C) stopped the burst, and its arrivals are not kept. */
  burst: { messages: number; perSecond: number; arrivals: BurstArrival[]; cutOff?: CutOff };
}
