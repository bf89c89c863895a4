import { z } from 'zod';
import { ipAddress } from '../../src/profile/fields.js';

const hostname = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((name) => name.replace(/\.$/, ''))
    .refine((name) => /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)+$/.test(name), {
      error: (issue) => `"${String(issue.input)}" is not a domain name`,
    });

const selector = z.strictObject({
  selector: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { error: 'a DKIM selector is one or more DNS labels' }),
  /** The signing domain (d=); default: the From domain. */
  domain: hostname().optional(),
});

const domain = z.strictObject({
  /** Tells apart streams of one From domain (staff, marketing, notifications) in finding subjects. */
  name: z.string().trim().min(1).optional(),
  /** The visible From domain. */
  from: hostname(),
  /** The envelope (Return-Path, RFC5321.MailFrom) domain; default: from. */
  returnPath: hostname().optional(),
  /** Selectors the store's senders sign with; none given: a documented list of common ones is probed. */
  dkim: z.array(selector).optional(),
  /** IPs that must be authorised by SPF and have forward-confirmed reverse DNS. */
  sendingIps: z.array(ipAddress()).optional(),
  /** Messages a day to each big mailbox provider; at 5,000 or more the bulk-sender rules apply in full. */
  dailyVolume: z.number().int().nonnegative().optional(),
});

export const POLICIES = ['none', 'quarantine', 'reject'] as const;

export const config = z.strictObject({
  /** The weakest DMARC policy acceptable before the peak. */
  requirePolicy: z.enum(POLICIES).default('quarantine'),
  domains: z.array(domain).min(1),
  /** Raw messages (.eml), relative to the profile: to check what DNS cannot show. */
  sampleMessages: z.array(z.string().min(1)).optional(),
  /** Where MTA-STS policies are fetched: a staging environment may serve them on another port, under its own CA. */
  mtaSts: z
    .strictObject({
      port: z.number().int().min(1).max(65_535).default(443),
      /** PEM file of an extra certificate authority, relative to the profile. */
      trustedCa: z.string().min(1).optional(),
    })
    .prefault({}),
});

export type EmailAuthConfig = z.infer<typeof config>;
export type DomainConfig = EmailAuthConfig['domains'][number];
