import type { HammerResult, RunResult } from '../../src/load/types.js';
import type { LoadPlan } from './plan.js';

/** One kind of cart defect: how often, and one example described without tokens or cookies. */
export interface DefectCount {
  count: number;
  example?: string;
}

/** What the cart observer saw over the run (src/shopify/cart-observer.ts makes it). */
export interface CartObservations {
  cartReads: number;
  lineKeyChanged: DefectCount;
  quantityNotReflected: DefectCount;
  staleAfter422: DefectCount;
  cookieWithoutKey: DefectCount;
}

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

export interface CheckoutLoadArtifact {
  target: TargetSeen;
  /** Absent when the target was refused or a journey could not be read. */
  plan?: LoadPlan;
  run?: RunResult<CartObservations>;
  hammer?: HammerResult;
  /** Why there is no plan: a journey or curve file that could not be read (`file: …`). */
  problem?: string;
}
