import type { Verdict } from '../../../src/engine/define-check.js';
import type { CheckoutLoadArtifact } from '../artifact.js';
import type { CheckoutLoadRule } from '../rules.js';

/** Loopback always passes; elsewhere the decision gather made before sending anything, with its reason. */
export const targetAuthorization = ({ target }: CheckoutLoadArtifact): Verdict<CheckoutLoadRule> => {
  const base = { rule: 'target-authorization', subject: target.host, evidence: { target: target.address, loopback: target.loopback, production: target.production, allowProduction: target.allowProduction } } as const;
  if (!target.allowed) {
    return { ...base, status: 'fail', expected: 'loopback, or authorization + allowedHosts (+ --allow-production for production)', found: 'refused', message: `Refused before any DNS lookup or request: ${target.reason}.`, ...(target.fix ? { fix: target.fix } : {}) };
  }
  if (target.loopback) return { ...base, status: 'pass', found: 'loopback', message: `${target.host} is this machine: nothing leaves it.` };
  const production = target.production ? ' (production, allowed with --allow-production)' : '';
  return { ...base, status: 'pass', found: 'authorised, in allowedHosts', message: `${target.host} is authorised and in allowedHosts${production}.` };
};
