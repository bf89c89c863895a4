import { isLoopbackHost } from '../../src/lib/loopback.js';
import type { CheckoutLoadConfig } from './config.js';

/** Labels that say a host is not the live store; a host without one is treated as production. */
const NON_PRODUCTION_LABELS = /^(staging|stage|stg|dev|develop|development|test|testing|qa|uat|preview|sandbox|perf|load|loadtest)(\d+)?$/;

export type TargetDecision =
  | { allowed: true; host: string; loopback: boolean; production: boolean }
  | { allowed: false; host: string; loopback: false; production: boolean; reason: string; fix: string };

export { isLoopbackHost } from '../../src/lib/loopback.js';

/** `staging.acme.example` matches itself; `*.acme.example` matches any host under acme.example. */
export const hostAllowed = (host: string, allowedHosts: readonly string[]): boolean =>
  allowedHosts.some((pattern) => {
    const wanted = pattern.toLowerCase().replace(/\.$/, '');
    return wanted.startsWith('*.') ? host.endsWith(wanted.slice(1)) : host === wanted;
  });

/**
 * Whether a host may serve real shoppers: every *.myshopify.com store (a development store included:
 * Shopify's own platform), and any host without a label such as staging, dev or test. Loading
 * production by mistake is the one error this check must never make, so the doubt goes that way.
 */
export const isProductionHost = (host: string): boolean =>
  host === 'myshopify.com' || host.endsWith('.myshopify.com') || !host.split('.').some((label) => NON_PRODUCTION_LABELS.test(label));

/** The host of the target, lower case, without brackets or a trailing dot. */
export const targetHost = (target: string): string => new URL(target).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

/**
 * Decides, before any DNS lookup or request, whether the profile may load its target: loopback always;
 * elsewhere only with an authorization, the host in allowedHosts, and for production --allow-production.
 */
export const authorizeTarget = (config: Pick<CheckoutLoadConfig, 'target' | 'authorization' | 'allowedHosts'>, allowProduction: boolean): TargetDecision => {
  const host = targetHost(config.target);
  if (isLoopbackHost(host)) return { allowed: true, host, loopback: true, production: false };
  const production = isProductionHost(host);
  const refuse = (reason: string, fix: string): TargetDecision => ({ allowed: false, host, loopback: false, production, reason, fix });
  if (config.authorization === undefined) {
    return refuse(`${host} is not loopback and the profile gives no authorization`, 'Add `authorization:` saying who approved loading this host and where (a ticket), and the host to `allowedHosts`.');
  }
  if (!hostAllowed(host, config.allowedHosts)) {
    return refuse(`${host} is not in allowedHosts`, `Add ${host} to \`allowedHosts\` if it is the host that was approved, or correct \`target\`.`);
  }
  if (production && !allowProduction) {
    const why = host.endsWith('myshopify.com') ? 'is a Shopify store (*.myshopify.com)' : 'may serve real shoppers (no staging, dev or test label)';
    return refuse(`${host} ${why} and --allow-production was not given`, 'Point `target` at a staging or development host, or, if loading this host was approved, run again with --allow-production.');
  }
  return { allowed: true, host, loopback: false, production };
};

/** Payment steps complete real purchases unless the store is this machine or on a test gateway. */
export const paymentsAllowed = (decision: TargetDecision, testMode: boolean): boolean => decision.allowed && (decision.loopback || testMode);
