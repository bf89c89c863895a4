import type { CheckoutLoadConfig } from '../../checks/checkout-load/config.js';
import { hammerPhase } from '../../checks/checkout-load/hammer-steps.js';
import { planText } from '../../checks/checkout-load/plan-text.js';
import { prepareLoad } from '../../checks/checkout-load/prepare.js';
import type { LoadedProfile } from '../profile/load.js';
import { secrets } from './session.js';

/**
 * What `audit --dry-run` prints for one profile: the load test's target decision and plan, read from the
 * profile and its journey files alone. Nothing is sent, no DNS question asked.
 */
export const dryRunText = async (loaded: LoadedProfile, allowProduction: boolean): Promise<string> => {
  const store = loaded.profile.store.name;
  const config = loaded.profile.checks['checkout-load'] as CheckoutLoadConfig | undefined;
  if (config === undefined) return `${store}: no checks.checkout-load section, so no load test to plan. Nothing was sent (--dry-run).`;
  const prepared = await prepareLoad(config, loaded.dir, allowProduction, (value) => secrets.add(value));
  if (prepared.kind === 'refused') return planText(store, prepared.target, undefined);
  if (prepared.kind === 'problem') return planText(store, prepared.target, undefined, prepared.problem);
  const hammer = hammerPhase(config, prepared.journeys);
  return planText(store, prepared.target, prepared.plan, undefined, hammer && { ...hammer, steps: hammer.steps.map((step) => step.name) });
};
