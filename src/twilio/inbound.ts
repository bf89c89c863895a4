import { countSegments } from './segments.js';
import type { OptOutType } from './opt-out-type.js';
import { makeSid, type SidDigits } from './sid.js';

export { encodeForm, decodeForm, type FormParams } from './form.js';

/** What Twilio knows of a number's location; it sends the fields empty when it knows nothing. */
export interface Geo {
  city?: string;
  state?: string;
  zip?: string;
  /** ISO 3166 alpha-2, e.g. `US`, `CA`. */
  country?: string;
}

export interface InboundSms {
  /** `AC` + 32 hex digits: the account the store's number belongs to. */
  accountSid: string;
  /** E.164 sender (the subscriber), e.g. `+14155550100`. */
  from: string;
  /** E.164 number of the store. */
  to: string;
  body: string;
  /** `MG…`, when the store's number sits in a Messaging Service. */
  messagingServiceSid?: string;
  fromGeo?: Geo;
  toGeo?: Geo;
  /** Reuse a SID to replay a message (Twilio's retry); a new one is made otherwise. */
  messageSid?: string;
  /** Set by Twilio (Advanced Opt-Out) when the Body is a keyword it handled itself. */
  optOutType?: OptOutType;
}

/** The webhook form, fields in the order Twilio posts them. */
export type InboundForm = Record<string, string>;

/**
 * The form Twilio posts to a messaging webhook for an inbound SMS (research §2.1), in the field
 * order of captured payloads. `MessageSid` and its legacy twins `SmsSid` and `SmsMessageSid` are the
 * same `SM…` id. `NumSegments` is how many parts a phone would have sent the body in.
 */
export const buildInboundSms = (message: InboundSms, digits: SidDigits): InboundForm => {
  const sid = message.messageSid ?? makeSid('SM', digits);
  const from = message.fromGeo ?? {};
  const to = message.toGeo ?? {};
  return {
    ToCountry: to.country ?? '',
    ToState: to.state ?? '',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: to.city ?? '',
    FromZip: from.zip ?? '',
    SmsSid: sid,
    FromState: from.state ?? '',
    SmsStatus: 'received',
    FromCity: from.city ?? '',
    Body: message.body,
    FromCountry: from.country ?? '',
    To: message.to,
    ...(message.messagingServiceSid === undefined ? {} : { MessagingServiceSid: message.messagingServiceSid }),
    ToZip: to.zip ?? '',
    NumSegments: String(countSegments(message.body).segments),
    MessageSid: sid,
    AccountSid: message.accountSid,
    ...(message.optOutType === undefined ? {} : { OptOutType: message.optOutType }),
    From: message.from,
    ApiVersion: '2010-04-01',
  };
};
