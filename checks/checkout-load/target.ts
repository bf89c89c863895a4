import type { TargetSeen } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';
import { authorizeTarget } from './safety.js';

/** The target as reports show it: no credentials, no query string (either can carry a secret). */
export const publicAddress = (target: string): string => {
  const url = new URL(target);
  url.username = '';
  url.password = '';
  url.search = '';
  return url.href;
};

/** The decision made before anything is sent, in the artifact's words. */
export const targetSeen = (config: CheckoutLoadConfig, allowProduction: boolean): TargetSeen => {
  const decision = authorizeTarget(config, allowProduction);
  return {
    address: publicAddress(config.target),
    host: decision.host,
    loopback: decision.loopback,
    production: decision.production,
    allowProduction,
    allowed: decision.allowed,
    ...(decision.allowed ? {} : { reason: decision.reason, fix: decision.fix }),
  };
};
