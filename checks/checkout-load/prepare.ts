import type { Journey } from '../../src/journey/types.js';
import type { TargetSeen } from './artifact.js';
import type { CheckoutLoadConfig } from './config.js';
import { readInputs } from './journeys.js';
import { planLoad, type LoadPlan } from './plan.js';
import { paymentsAllowed } from './safety.js';
import { targetSeen } from './target.js';

export type Prepared =
  | { kind: 'refused'; target: TargetSeen }
  | { kind: 'problem'; target: TargetSeen; problem: string }
  | { kind: 'ready'; target: TargetSeen; journeys: Journey[]; plan: LoadPlan; paymentsAllowed: boolean };

/**
 * Everything decided before a request: the target (refused before its journey files are even read),
 * the journeys and curve, and the plan. Shared by the run, --dry-run and the k6 export, so all three
 * refuse, plan and hold payments back alike.
 */
export const prepareLoad = async (config: CheckoutLoadConfig, profileDir: string, allowProduction: boolean, addSecret: (value: string) => void): Promise<Prepared> => {
  const target = targetSeen(config, allowProduction);
  if (!target.allowed) return { kind: 'refused', target };
  const inputs = await readInputs(config, profileDir, addSecret);
  if ('problem' in inputs) return { kind: 'problem', target, problem: inputs.problem };
  const allowPayment = paymentsAllowed({ allowed: true, host: target.host, loopback: target.loopback, production: target.production }, config.testMode);
  const plan = planLoad({ config, journeys: inputs.journeys, ...(inputs.curve ? { curve: inputs.curve } : {}), paymentsAllowed: allowPayment });
  return { kind: 'ready', target, journeys: inputs.journeys, plan, paymentsAllowed: allowPayment };
};
