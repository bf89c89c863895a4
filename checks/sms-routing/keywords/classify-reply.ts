/**
 * What a store's reply to a keyword says, read for the rules of research §1.1 and §1.3: a STOP
 * confirmation (one, no marketing), a re-subscribe confirmation, a HELP reply and its required
 * elements, and any marketing or link, in English and in the French Canadian numbers need.
 */

import { MASKED_NUMBER } from '../phone.js';

export type ReplyKind = 'opt-out-confirmation' | 're-subscribe-confirmation' | 'help' | 'other';

/** The HELP content CTIA expects besides the brand, which only the store's profile can name. */
export interface HelpElements {
  /** A phone number, an email address or a link to get help. */
  contact: boolean;
  /** "Msg frequency varies", "4 msgs/month". */
  frequency: boolean;
  /** "Msg & data rates may apply". */
  rates: boolean;
  /** "Reply STOP to cancel". */
  optOutInstructions: boolean;
}

export interface ReplyClassification {
  kind: ReplyKind;
  language: 'en' | 'fr';
  helpElements: HelpElements;
  /** The marketing wording found, as written ("30% off", "Shop now"). */
  marketing: string[];
  /** Every link: http(s) URLs, `www.` hosts and bare `domain.tld/path`. */
  links: string[];
}

const OPT_OUT_CONFIRMATION = [
  /\bunsubscribed\b/i,
  /\bopted[\s-]*out\b/i,
  /\bno (?:more|further) (?:messages|texts|msgs|sms|alerts)\b/i,
  /\b(?:will not|won't|wont) (?:receive|get) any (?:more|further)\b/i,
  /\bremoved from\b/i,
  /\bblocks? all (?:texts|messages)\b/i,
  /\bd[ée]sabonn[ée]/i,
  /\bne recevrez plus\b/i,
];

const RESUBSCRIBE_CONFIRMATION = [/\bre-?subscribed\b/i, /\bsubscribed again\b/i, /\bopted[\s-]*(?:back[\s-]+)?in\b/i, /\bwelcome back\b/i, /\bnow subscribed\b/i, /\br[ée]abonn[ée]/i];

const HELP_WORD = /\b(?:help|support|info|aide|assistance)\b/i;

const ELEMENTS: Record<keyof HelpElements, RegExp> = {
  contact: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:\+?1[\s.-]?)?\(?\b[2-9]\d{2}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b|https?:\/\/|\bwww\./i,
  frequency: /\bfreq(?:uency)?\b|\bmsgs?\s*\/\s*(?:day|wk|week|mo|month)\b|\b\d+\s*(?:msgs?|messages)\s*(?:\/|per|a)\s*(?:day|wk|week|mo|month)\b|\bfr[ée]quence\b/i,
  rates: /\b(?:msg|message)s?\s*(?:&|and|\+)\s*data\s*rates\b|\bdata rates may apply\b|\bfrais de (?:messagerie|messages?|textos?) et de donn[ée]es\b/i,
  optOutInstructions: /\b(?:reply|text|send|txt)\s+["'“«]?\s*stop\b|\br[ée]pondez\s+["'“«]?\s*arr[eê]t/i,
};

const MARKETING = [
  /\b\d{1,3}\s*%\s*(?:off\b|de rabais|de r[ée]duction)/i,
  /\b(?:sale|sales|soldes)\b/i,
  /\bshop now\b/i,
  /\bbuy now\b/i,
  /\border now\b/i,
  /\bmagasinez\b/i,
  /\bdiscounts?\b/i,
  /\bcoupons?\b/i,
  /\bpromo(?:tion)?\s*code\b/i,
  /\bfree shipping\b/i,
  /\bdeals?\b/i,
  /\blimited time\b/i,
  /\bblack friday\b/i,
  /\bcyber monday\b/i,
];

// A URL, a www. host, or a bare domain followed by a path (not the domain of an email address).
const LINK = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+|(?<![@\w.\/-])(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"']*/gi;

// \b only knows ASCII letters, so the accented words are bounded by letter lookarounds.
const FRENCH = /(?<!\p{L})(?:vous|votre|r[ée]pondez|recevrez|frais|donn[ée]es|d[ée]sabonn[ée]e?s?)(?!\p{L})/iu;

const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/**
 * Reads one reply. A text is a HELP reply when it names help (or support, info, aide) and carries at
 * least one required element, or carries two elements and no marketing: the second case is
 * Twilio's own default HELP text, "Reply STOP to unsubscribe. Msg&Data Rates May Apply."
 * Confirmations take precedence, because they often end with help instructions too.
 */
export const classifyReply = (text: string): ReplyClassification => {
  const normalized = text.normalize('NFKC');
  const marketing = MARKETING.map((pattern) => pattern.exec(normalized)?.[0]).filter((found): found is string => found !== undefined);
  const links = [...normalized.matchAll(LINK)].map((match) => match[0].replace(TRAILING_PUNCTUATION, ''));
  const helpElements: HelpElements = {
    // Replies reach evaluate with the store's and the shopper's numbers masked; a masked one is still a number to call.
    contact: ELEMENTS.contact.test(normalized) || MASKED_NUMBER.test(normalized) || links.length > 0,
    frequency: ELEMENTS.frequency.test(normalized),
    rates: ELEMENTS.rates.test(normalized),
    optOutInstructions: ELEMENTS.optOutInstructions.test(normalized),
  };
  const elementCount = Object.values(helpElements).filter(Boolean).length;
  const kind: ReplyKind = OPT_OUT_CONFIRMATION.some((pattern) => pattern.test(normalized))
    ? 'opt-out-confirmation'
    : RESUBSCRIBE_CONFIRMATION.some((pattern) => pattern.test(normalized))
      ? 're-subscribe-confirmation'
      : (HELP_WORD.test(normalized) && elementCount >= 1) || (elementCount >= 2 && marketing.length === 0)
        ? 'help'
        : 'other';
  return { kind, language: FRENCH.test(normalized) ? 'fr' : 'en', helpElements, marketing, links };
};
