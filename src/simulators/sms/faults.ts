/** Extra delay while more than `afterConcurrent` requests are being handled at once. */
export interface BurstSlowdown {
  afterConcurrent: number;
  delayMs: number;
}

/**
 * The defects the SMS webhook simulator can reproduce, one switch each; all off is a compliant
 * store. Settable at construction and while running (`setFaults`).
 */
export interface SmsFaults {
  /** Only the exact text "STOP" opts out; "stop", "Stop.", UNSUBSCRIBE… get the marketing reply. */
  caseSensitiveStop?: boolean;
  /** Every STOP is confirmed, repeats and replayed MessageSids included. */
  doubleConfirmation?: boolean;
  /** The HELP reply leaves out the brand name (Twilio error 30531 territory). */
  helpWithoutBrand?: boolean;
  /** The signature is not checked: forged requests are served. */
  acceptUnsigned?: boolean;
  /** `null` turns it off again. */
  slowUnderBurst?: BurstSlowdown | null;
  /**
   * The store handles at most this many requests a second, one after another (a single worker with a
   * queue): under a faster burst every answer waits for those before it. `null` turns it off.
   */
  capacityPerSecond?: number | null;
  /** START, YES and UNSTOP are ignored: an opted-out number stays opted out, unanswered. */
  ignoreStart?: boolean;
  /** Delay before every reply. */
  latencyMs?: number;
  /** Every request gets a 200 HTML page, as when the webhook URL points at the storefront. */
  htmlReplies?: boolean;
  /** Every request gets a 500. */
  serverError?: boolean;
  /** Every connection is reset as soon as a request arrives. */
  down?: boolean;
}

export type ActiveFaults = Required<SmsFaults>;

export const NO_FAULTS: ActiveFaults = {
  caseSensitiveStop: false,
  doubleConfirmation: false,
  helpWithoutBrand: false,
  acceptUnsigned: false,
  slowUnderBurst: null,
  capacityPerSecond: null,
  ignoreStart: false,
  latencyMs: 0,
  htmlReplies: false,
  serverError: false,
  down: false,
};

/** The switches given replace the current ones; the others stay as they were. */
export const mergeFaults = (current: ActiveFaults, changes: SmsFaults): ActiveFaults => {
  const merged: ActiveFaults = { ...current };
  for (const key of Object.keys(NO_FAULTS) as (keyof ActiveFaults)[]) {
    if (changes[key] !== undefined) Object.assign(merged, { [key]: changes[key] });
  }
  return merged;
};
