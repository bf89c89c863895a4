import type { RuleMeta } from '../../src/engine/define-check.js';

export const rules = {
  'opt-out-keywords': {
    title: 'Every opt-out keyword is honoured',
    failureTitle: 'An opt-out keyword is not honoured',
    severity: 'critical',
    description:
      'Carriers and the FCC (since April 2025) require that STOP and the other opt-out words, in any case and with spaces or punctuation around them, end marketing at once; "stop texting me" and similar phrases count as revocation too. Each variant is sent as Twilio would send it, then a neutral message shows whether the number is really opted out.',
    fix: 'Match opt-out keywords case-insensitively on the trimmed message without trailing punctuation, recognise the phrases in the corpus, and record the opt-out before replying.',
    ref: 'CTIA Messaging Principles and Best Practices §5; FCC 24-24 (47 CFR 64.1200(a)(10))',
  },
  'opt-out-confirmation': {
    title: 'Opt-outs get one plain confirmation',
    failureTitle: 'The opt-out confirmation is missing, repeated or carries marketing',
    severity: 'high',
    description:
      'An opt-out gets at most one confirmation, naming the brand and saying no more messages will be sent, without marketing or links. A second STOP, or the same MessageSid delivered again (Twilio retries), must not send another.',
    fix: 'Send one short confirmation ("Acme: you are unsubscribed and will receive no more messages"), and make the handler idempotent on MessageSid and on the opted-out state.',
    ref: 'CTIA MPBP §5.1.1; CTIA Short Code Monitoring Handbook',
  },
  'help-content': {
    title: 'HELP answers with what carriers require',
    failureTitle: 'The HELP reply lacks required content',
    severity: 'high',
    description:
      'HELP and INFO (AIDE for Canadian numbers, in French) must be answered with the brand, a contact, the message frequency, "Msg & data rates may apply" and how to opt out. Carriers audit this before approving and during campaigns.',
    fix: 'Answer HELP with e.g. "Acme Outdoor: help at support@acme.example. Msg frequency varies. Msg & data rates may apply. Reply STOP to cancel."',
    ref: 'CTIA MPBP §5.1.2; CTIA Short Code Monitoring Handbook',
  },
  'opt-in-keywords': {
    title: 'START, YES and UNSTOP re-subscribe once',
    failureTitle: 'A re-subscribe keyword does not work',
    severity: 'high',
    description: 'After an opt-out, START, YES and UNSTOP must re-subscribe the number with exactly one confirmation; repeating them must not flood the shopper.',
    fix: 'Handle the opt-in keywords like the opt-out ones (case-insensitive, trimmed) and confirm once per state change.',
    ref: 'CTIA MPBP §5; Twilio default opt-in keywords',
  },
  'signature-enforced': {
    title: 'Forged webhook requests are refused',
    failureTitle: 'The webhook accepts forged requests',
    severity: 'critical',
    description:
      'Anyone can POST to a public webhook. Without checking X-Twilio-Signature, a forged STOP unsubscribes a customer and a forged START re-subscribes one who opted out — a TCPA liability. Unsigned and wrongly signed requests must get a 4xx and change nothing.',
    fix: "Validate X-Twilio-Signature with the account's auth token (twilio.validateRequest or the framework middleware) against the exact public URL, and refuse the request before any side effect.",
    ref: 'Twilio webhook security (X-Twilio-Signature)',
  },
  'reply-latency': {
    title: 'Keyword replies are fast',
    failureTitle: 'Keyword replies are slow',
    severity: 'high',
    description: 'Twilio waits 15 seconds for the webhook, then gives up (error 11200) and the shopper gets nothing. Replies over 2 seconds at the 95th percentile leave no margin for a peak.',
    fix: 'Answer keyword messages before any slow work (queue the rest), and keep the handler off the storefront’s critical path.',
    ref: 'Twilio webhook timeout (15 s, error 11200)',
  },
  'burst-latency': {
    title: 'The webhook keeps up with a flash-sale burst',
    failureTitle: 'The webhook falls behind under a burst',
    severity: 'high',
    description:
      'When a sale text goes out, replies arrive at once. Messages are sent at a fixed rate whatever the webhook does (an open arrival model), and latency counts from the moment each was due, so a webhook that falls behind cannot hide it.',
    fix: 'Scale the webhook for the burst rate, answer from a queue, and keep database work out of the request.',
    ref: 'Gil Tene, coordinated omission; Twilio webhook timeout',
  },
  'quiet-hours': {
    title: 'Campaigns send outside quiet hours',
    failureTitle: 'A campaign sends inside quiet hours',
    severity: 'high',
    description:
      'Marketing texts may be sent only from 08:00 to 21:00 at the recipient’s location (federal), and to 20:00 in Florida, Oklahoma and Maryland. Quiet hours are the rest of the day (21:00–08:00, 20:00–08:00 in those states): every zone of the audience must be outside them when the send starts.',
    fix: 'Schedule the send so it starts after 08:00 in the easternmost zone and, with its duration, ends before 20:00/21:00 in each, or split it by time zone.',
    ref: '47 CFR 64.1200(c)(1); Fla. Stat. §501.059; Okla. Stat. tit. 15 §775C; Md. Com. Law §14-4503',
  },
  'throughput-plan': {
    title: 'Campaigns finish within their window',
    failureTitle: 'A campaign cannot finish within its window',
    severity: 'medium',
    description:
      'A sender pushes a fixed number of segments a second: 100 on a short code, 3 on toll-free, and for 10DLC what the carriers grant by vetting score (T-Mobile also caps a brand per day). Messages still queued when the window closes go out late or expire.',
    fix: 'Start earlier, split the audience by time zone, send fewer segments per message, or move the campaign to a faster sender (a short code).',
    ref: 'CTIA short code throughput; AT&T and T-Mobile 10DLC limits; Twilio queueing',
  },
} satisfies Record<string, RuleMeta>;

export type SmsRule = keyof typeof rules;
