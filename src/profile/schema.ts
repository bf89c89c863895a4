import { z } from 'zod';
import type { AnyCheck } from '../engine/define-check.js';
import { SEVERITIES } from '../engine/severity.js';
import { didYouMean } from '../lib/did-you-mean.js';
import { parseServerAddress } from '../dns/server-address.js';
import { isoDate, timeZone } from './fields.js';

export const qualifiedRuleIds = (checks: readonly AnyCheck[]): string[] =>
  checks.flatMap((check) => Object.keys(check.rules).map((rule) => `${check.id}/${rule}`));

const knownRule = (ruleIds: readonly string[]) =>
  z.string().refine((id) => ruleIds.includes(id), {
    error: (issue) => `unknown rule "${String(issue.input)}"${didYouMean(String(issue.input), ruleIds)}`,
  });

const resolverAddress = () =>
  z.string().refine((text) => parseServerAddress(text) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a resolver address (an IP, IP:port or [IPv6]:port)`,
  });

/**
 * The store profile's schema: the top-level contract plus each check's own section under `checks`.
 * `sectionOf` may judge a section differently (a check left out of the run); by default, its config.
 */
export const buildProfileSchema = (checks: readonly AnyCheck[], sectionOf: (check: AnyCheck) => z.ZodType = (check) => check.config) => {
  const ruleIds = qualifiedRuleIds(checks);
  const sections = Object.fromEntries(checks.map((check) => [check.id, sectionOf(check).optional()]));
  return z.strictObject({
    /** Profile format version. */
    version: z.literal(1, { error: 'expected 1, the only profile version' }),
    store: z.strictObject({
      name: z.string().min(1),
      /** IANA time zone of the store; "today" is taken there. */
      timezone: timeZone(),
    }),
    /** The peak being prepared for; default: the coming Black Friday through Cyber Monday. */
    peak: z
      .strictObject({ name: z.string().min(1).default('Peak'), start: isoDate(), end: isoDate() })
      .refine((peak) => peak.end >= peak.start, { error: 'the peak ends before it starts', path: ['end'] })
      .optional(),
    report: z.strictObject({ preparedBy: z.string().min(1).optional(), logo: z.string().min(1).optional().describe('a local .svg or .png, relative to the profile, inlined in the HTML report') }).optional(),
    /** DNS resolvers to ask, `host[:port]`; default: the system's (/etc/resolv.conf). `--resolver` overrides. */
    resolver: z
      .union([resolverAddress(), z.array(resolverAddress()).min(1)])
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .optional(),
    /** Extra checks: paths (relative to the profile) or package names of modules exporting a check. */
    plugins: z.array(z.string().min(1)).optional(),
    checks: z.strictObject(sections).default({}),
    /** Re-grades rules: `<check>/<rule>: <severity>`. */
    severity: z.record(knownRule(ruleIds), z.enum(SEVERITIES)).optional(),
    /** Accepted findings, each with a reason; `until` lets an exception expire after the peak. */
    suppress: z
      .array(
        z.strictObject({
          rule: knownRule(ruleIds),
          subject: z.string().min(1).optional(),
          reason: z.string().trim().min(1, { error: 'a suppression needs a reason' }),
          until: isoDate().optional(),
        }),
      )
      .optional(),
  });
};

export type ProfileSchema = ReturnType<typeof buildProfileSchema>;
export type Profile = z.output<ProfileSchema>;
