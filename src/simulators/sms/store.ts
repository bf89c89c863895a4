import { isCanadian } from '../../nanp/canada.js';
import { recognizeKeyword } from './keyword-matcher.js';
import { helpReply, marketingMessage, optOutConfirmation, resubscribeConfirmation, type StoreVoice } from './replies.js';

/**
 * `app`: the store's webhook answers STOP and START itself. `provider`: Twilio (or Advanced Opt-Out)
 * sends those confirmations, so the webhook records the change and stays silent (research §1.7).
 */
export type OptOutHandler = 'app' | 'provider';

export interface StoreBehaviour {
  caseSensitiveStop: boolean;
  doubleConfirmation: boolean;
  helpWithoutBrand: boolean;
  ignoreStart: boolean;
}

export interface InboundText {
  from: string;
  body: string;
  /** Empty when the request carried none: such a message cannot be recognised as a replay. */
  messageSid: string;
  /** Twilio's OptOutType (Advanced Opt-Out): the provider has answered this keyword itself. */
  optOutType?: string;
}

/**
 * The store behind the webhook: who opted out, which messages were already handled, and the texts
 * it answers with. Every number starts subscribed, as on a store's seed list.
 */
export class SmsStore {
  readonly #voice: StoreVoice;
  readonly #handler: OptOutHandler;
  readonly #optedOut = new Set<string>();
  readonly #handled = new Set<string>();

  constructor(voice: StoreVoice, handler: OptOutHandler) {
    this.#voice = voice;
    this.#handler = handler;
  }

  isOptedOut(number: string): boolean {
    return this.#optedOut.has(number);
  }

  /** The texts sent back for one inbound message (none is silence); updates the opt-out state. */
  answer(message: InboundText, behaviour: StoreBehaviour): string[] {
    const keyword = recognizeKeyword(message.body, behaviour);
    // Twilio retries with the same MessageSid; a store that keys on it answers each message once.
    const replay = message.messageSid !== '' && this.#handled.has(message.messageSid);
    if (message.messageSid !== '') this.#handled.add(message.messageSid);
    const language = keyword?.french === true && isCanadian(message.from) ? 'fr' : 'en';
    const optedOut = this.#optedOut.has(message.from);

    if (keyword?.intent === 'opt-out') {
      this.#optedOut.add(message.from);
      if (this.#handler === 'provider') return [];
      if ((replay || optedOut) && !behaviour.doubleConfirmation) return [];
      return [optOutConfirmation(this.#voice, language)];
    }
    if (replay) return [];
    if (keyword?.intent === 'help') {
      // Twilio has answered HELP with the reply configured there: a second answer would be a duplicate.
      if (this.#handler === 'provider' && message.optOutType === 'HELP') return [];
      return [helpReply(this.#voice, language, !behaviour.helpWithoutBrand)];
    }
    if (keyword?.intent === 'opt-in') {
      // Already subscribed: no second welcome. Ignored: the number stays opted out, unanswered.
      if (!optedOut || behaviour.ignoreStart) return [];
      this.#optedOut.delete(message.from);
      return this.#handler === 'provider' ? [] : [resubscribeConfirmation(this.#voice)];
    }
    return optedOut ? [] : [marketingMessage(this.#voice)];
  }
}
