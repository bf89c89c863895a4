import type { CheckoutLoadConfig } from '../../checks/checkout-load/config.js';
import { hammerPhase } from '../../checks/checkout-load/hammer-steps.js';
import { readInputs } from '../../checks/checkout-load/journeys.js';
import { planLoad } from '../../checks/checkout-load/plan.js';
import { planText } from '../../checks/checkout-load/plan-text.js';
import { paymentsAllowed } from '../../checks/checkout-load/safety.js';
import { targetSeen } from '../../checks/checkout-load/target.js';
import type { LoadedProfile } from '../profile/load.js';

/**
 * What `audit --dry-run` prints for one profile: the load test's target decision and plan, read from the
 * profile and its journey files alone. Nothing is sent, no DNS question asked.
 */
export const dryRunText = async (loaded: LoadedProfile, allowProduction: boolean): Promise<string> => {
  const store = loaded.profile.store.name;
  const config = loaded.profile.checks['checkout-load'] as CheckoutLoadConfig | undefined;
  if (config === undefined) return `${store}: no checks.checkout-load section, so no load test to plan. Nothing was sent (--dry-run).`;
  const target = targetSeen(config, allowProduction);
  if (!target.allowed) return planText(store, target, undefined);
  const inputs = await readInputs(config, loaded.dir);
  if ('problem' in inputs) return planText(store, target, undefined, inputs.problem);
  const allowPayment = paymentsAllowed({ allowed: true, host: target.host, loopback: target.loopback, production: target.production }, config.testMode);
  const plan = planLoad({ config, journeys: inputs.journeys, ...(inputs.curve ? { curve: inputs.curve } : {}), paymentsAllowed: allowPayment });
  const hammer = hammerPhase(config, inputs.journeys);
  return planText(store, target, plan, undefined, hammer && { ...hammer, steps: hammer.steps.map((step) => step.name) });
};
