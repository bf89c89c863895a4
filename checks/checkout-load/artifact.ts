import type { CartObservations } from '../../src/shopify/cart-observer.js';
import type { K6Missing } from '../../src/k6/summary.js';
import type { HammerResult, RunResult } from '../../src/load/types.js';
import type { LoadPlan } from './plan.js';

/** The target decision as gathered: made before any lookup or request, judged again by its rule. */
export interface TargetSeen {
  /** The target without credentials or query string. */
  address: string;
  host: string;
  loopback: boolean;
  production: boolean;
  allowProduction: boolean;
  allowed: boolean;
  reason?: string;
  fix?: string;
}

export type { CartObservations, DefectCount } from '../../src/shopify/cart-observer.js';

/** Where the run's numbers came from when not from q4check's own engine: a k6 summary, and what it lacks. */
export interface K6Source {
  kind: 'k6';
  /** As the profile or --load-results named it. */
  file: string;
  fromExportedScript: boolean;
  missing: K6Missing[];
}

export interface CheckoutLoadArtifact {
  target: TargetSeen;
  source?: K6Source;
  /** Absent when the target was refused or a journey could not be read. */
  plan?: LoadPlan;
  run?: RunResult<CartObservations>;
  hammer?: HammerResult;
  /** Why there is no plan: a journey or curve file that could not be read (`file: …`). */
  problem?: string;
}
