import { z } from 'zod';
import { secret, timeZone } from '../../src/profile/fields.js';

const e164 = () => z.string().regex(/^\+[1-9]\d{6,14}$/, { error: (issue) => `"${String(issue.input)}" is not an E.164 number (+ country code and number, digits only)` });

const webhookUrl = () =>
  z.string().refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
    error: (issue) => `"${String(issue.input)}" is not an http(s) URL`,
  });

export const US_STRICT_STATES = ['FL', 'OK', 'MD'] as const;

const campaign = z.strictObject({
  name: z.string().min(1),
  /** When the send starts, with its UTC offset: 2026-11-27T06:00:00-05:00. */
  sendAt: z.iso.datetime({ offset: true, error: 'expected a date and time with its offset, e.g. 2026-11-27T06:00:00-05:00' }),
  recipients: z.number().int().positive(),
  /** IANA zones of the audience: each must be inside quiet hours' window. */
  audienceTimezones: z.array(timeZone()).min(1),
  /** States with an 8 pm limit (Florida, Oklahoma, Maryland) known to be in the audience. */
  audienceStates: z.array(z.enum(US_STRICT_STATES)).optional(),
  /** Segments per message (GSM-7: 160 characters in one; an emoji makes it UCS-2: 70). */
  segments: z.number().int().positive().default(1),
});

const throughput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('short-code'), mps: z.number().positive().optional() }),
  z.strictObject({ kind: z.literal('toll-free'), mps: z.number().positive().optional() }),
  z.strictObject({
    kind: z.literal('10dlc'),
    /** The brand's TCR vetting score: it sets AT&T's per-minute and T-Mobile's daily limits. */
    vettingScore: z.number().int().min(1).max(100),
    mps: z.number().positive().optional(),
  }),
]);

export const config = z.strictObject({
  provider: z.literal('twilio', { error: 'only twilio is supported so far' }).default('twilio'),
  /** The store's inbound-SMS webhook, exactly as configured at the provider (the signature covers it). */
  webhook: webhookUrl(),
  /** The provider's auth token: signs every simulated request. Give it as ${ENV}; it is never printed. */
  authToken: secret(z.string().min(1)),
  /** The account the webhook expects in AccountSid; default: an all-zero one. */
  accountSid: z.string().regex(/^AC[0-9a-f]{32}$/, { error: 'an AccountSid is AC followed by 32 hex digits' }).optional(),
  /** The number shoppers text (To). */
  storeNumber: e164(),
  /** The simulated shopper (From); a Canadian number switches on the Canadian (French) rules. */
  testNumber: e164(),
  brand: z.string().min(1),
  /** app: the webhook sends the one opt-out confirmation; provider: the provider does, the webhook none. */
  optOutHandledBy: z.enum(['app', 'provider']).default('app'),
  help: z
    .strictObject({
      mustInclude: z.array(z.string().min(1)).default([]),
      /** Provider mode: the HELP reply configured at Twilio (Advanced Opt-Out), which a webhook request cannot show. */
      providerReply: z.string().min(1).optional(),
    })
    .prefault({}),
  burst: z
    .strictObject({
      messages: z.number().int().positive().max(5_000).default(300),
      perSecond: z.number().positive().max(500).default(50),
      p95Ms: z.number().int().positive().default(2_000),
    })
    .prefault({}),
  /** How long one reply may take before it counts as lost (Twilio waits 15 s). */
  timeoutMs: z.number().int().positive().max(60_000).default(15_000),
  campaigns: z.array(campaign).default([]),
  throughput: throughput.optional(),
});

export type SmsRoutingConfig = z.infer<typeof config>;
export type Campaign = SmsRoutingConfig['campaigns'][number];
export type Throughput = NonNullable<SmsRoutingConfig['throughput']>;
