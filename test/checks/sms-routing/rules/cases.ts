import { CANADIAN_NUMBER, type WebhookSetup } from '../gather/simulated.js';

/**
 * One recorded situation: how the simulator was set up (gather/simulated.ts) and which measured
 * latencies the recording keeps. The recording writes fixtures/artifacts/sms-routing/<name>.json;
 * the rule tables judge it.
 */
export interface RecordedCase {
  name: string;
  setup: WebhookSetup;
  /** The latencies a latency case is about; all others are written as 0, so re-recording gives the same bytes. */
  keepLatency?: 'exchanges' | 'burst';
}

export const CASES: readonly RecordedCase[] = [
  { name: 'compliant', setup: {} },

  // One defect each.
  { name: 'case-sensitive-stop', setup: { simulator: { caseSensitiveStop: true } } },
  { name: 'double-confirmation', setup: { simulator: { doubleConfirmation: true } } },
  { name: 'help-without-brand', setup: { simulator: { helpWithoutBrand: true } } },
  { name: 'accept-unsigned', setup: { simulator: { acceptUnsigned: true } } },
  { name: 'ignore-start', setup: { simulator: { ignoreStart: true } } },
  // One worker serving 5 a second from the burst on, under 40 a second: the queue grows by 175 ms a message.
  { name: 'slow-burst', setup: { later: { at: 'burst', faults: { capacityPerSecond: 5 } } }, keepLatency: 'burst' },

  // Provider-handled opt-out: the webhook records the change and stays silent.
  { name: 'provider', setup: { simulator: { optOutHandledBy: 'provider' } } },

  // A Canadian test number: ARRET and AIDE are must, AIDE answered in French.
  { name: 'canadian', setup: { config: { testNumber: CANADIAN_NUMBER } } },
  { name: 'canadian-defects', setup: { simulator: { caseSensitiveStop: true, helpWithoutBrand: true }, config: { testNumber: CANADIAN_NUMBER } } },

  // HELP names the store's own number, written with punctuation: masked in the artifact, still a contact.
  { name: 'contact-store-number', setup: { simulator: { contact: '1 (500) 555-0006' } } },

  // Trouble: the webhook cannot be asked, or answers what Twilio cannot use.
  { name: 'down', setup: { simulator: { down: true } } },
  { name: 'connection-refused', setup: { closedPort: true } },
  { name: 'html-replies', setup: { simulator: { htmlReplies: true } } },
  { name: 'server-error', setup: { simulator: { serverError: true } } },
  // 2.5 s a reply against a 300 ms timeout: the sequences in flight time out, then gather gives up.
  { name: 'slow-past-timeout', setup: { simulator: { latencyMs: 2500 }, config: { timeoutMs: 300 } }, keepLatency: 'exchanges' },
];
