import { z } from 'zod';
import { parseDuration } from '../../src/lib/duration.js';
import { secret } from '../../src/profile/fields.js';

const httpUrl = () =>
  z.string().refine((text) => URL.canParse(text) && /^https?:$/.test(new URL(text).protocol), {
    error: (issue) => `"${String(issue.input)}" is not an http(s) URL`,
  });

/** `2m`, `90s`, `1m30s`: parsed to milliseconds. */
const duration = () =>
  z.string().transform((text, context) => {
    const ms = parseDuration(text);
    if (ms === undefined || ms <= 0) {
      context.addIssue({ code: 'custom', message: `"${text}" is not a duration (write e.g. 90s, 2m or 1m30s)` });
      return z.NEVER;
    }
    return ms;
  });

const share = () => z.number().min(0).max(1);

// One object with either key (not a union of two), so a mistyped key gets its did-you-mean.
const lastYearPeak = z
  .strictObject({
    sessionsPerMinute: z.number().positive().optional(),
    /** A CSV of `minute,sessions` from last year's peak, replayed in shape and compressed into `duration`. */
    curve: z.string().min(1).optional(),
  })
  .refine((peak) => (peak.sessionsPerMinute === undefined) !== (peak.curve === undefined), {
    error: 'give one of `sessionsPerMinute: <number>` or `curve: <file.csv>` (minute,sessions)',
    // A mistyped key already says what is wrong; this would only repeat it less precisely.
    when: (payload) => payload.issues.length === 0,
  });

const journey = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9 _-]*$/i, { error: 'a journey name is letters, digits, spaces, - and _' }),
  /** A journey YAML file, relative to the profile. */
  file: z.string().min(1),
  weight: z.number().positive().default(1),
});

export const config = z.strictObject({
  /** The store's origin (and optional base path) the journeys' paths are appended to. */
  target: httpUrl(),
  /** Who approved loading this target, and where: required for any target that is not loopback. */
  authorization: z.string().trim().min(1).optional(),
  /** The hosts this profile may load (`staging.acme.example`, `*.staging.acme.example`). */
  allowedHosts: z.array(z.string().min(1)).default([]),
  /** A development store on a test payment gateway: payment steps may run against it. */
  testMode: z.boolean().default(false),
  lastYearPeak,
  growth: z.number().min(0).default(0),
  buffer: z.number().min(0).default(0),
  /** Share of sessions that go through checkout; the rest stop after the browsing steps. */
  conversion: share(),
  duration: duration().default(120_000),
  journeys: z
    .array(journey)
    .min(1)
    .refine((list) => new Set(list.map((entry) => entry.name)).size === list.length, { error: 'two journeys share a name' }),
  thresholds: z
    .strictObject({
      p95Ms: z.number().positive().default(1_500),
      p99Ms: z.number().positive().default(4_000),
      errorRate: share().default(0.01),
    })
    .prefault({}),
  limits: z
    .strictObject({
      maxRequestsPerSecond: z.number().positive().default(500),
      maxDuration: duration().default(600_000),
      /** Requests in the whole run at most; default: what the plan needs. */
      maxRequests: z.number().int().positive().optional(),
    })
    .prefault({}),
  /** One request may take this long before it counts as a timeout. */
  requestTimeout: duration().default(15_000),
  /**
   * A k6 end-of-test summary (the --summary-export file or handleSummary's JSON) of the exported script,
   * judged instead of running the load here; `--load-results FILE` sets it.
   */
  loadResults: z.string().min(1).optional(),
  /** Where purchase events are counted during the run: a Web Pixels relay or orders/create webhooks post here. */
  attribution: z
    .strictObject({
      event: z.string().min(1).default('checkout_completed'),
      /** host:port q4check's collector binds for the run (loopback unless the host is this machine's). */
      listen: z.string().regex(/^(\[[0-9a-fA-F:]+\]|[^:\s]+):\d{1,5}$/, { error: 'expected host:port, e.g. 127.0.0.1:9411' }),
      /** Shopify's webhook signing secret: orders/create webhooks are checked with X-Shopify-Hmac-Sha256. */
      webhookSecret: secret(z.string().min(1)).optional(),
    })
    .optional(),
  /** The store's own records after the run, read with the Admin REST API (2026-10). */
  verify: z
    .strictObject({
      adminApi: httpUrl(),
      /** An Admin API access token (read_orders, read_inventory, read_products). Give it as ${ENV}; it is never printed. */
      adminToken: secret(z.string().min(1)),
    })
    .optional(),
  /** Doors open at 9:00: shoppers reach the payment at the same instant, on the same variant. Runs only where payments may. */
  race: z
    .union([
      z.literal(false),
      z.strictObject({
        shoppers: z.number().int().positive().max(1_000).default(50),
        /** The journey raced; default: the first with a payment step. */
        journey: z.string().optional(),
      }),
    ])
    .prefault({}),
  /** Concurrent shoppers adding the same variant to their carts as fast as answered; `false` turns it off. */
  hammer: z
    .union([
      z.literal(false),
      z.strictObject({
        shoppers: z.number().int().positive().max(1_000).default(20),
        duration: duration().default(10_000),
        /** The journey whose cart steps are hammered; default: the first. */
        journey: z.string().optional(),
      }),
    ])
    .prefault({}),
});

export type CheckoutLoadConfig = z.infer<typeof config>;
export type JourneyEntry = CheckoutLoadConfig['journeys'][number];
