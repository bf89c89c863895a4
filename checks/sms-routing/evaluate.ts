import type { EvaluateContext, Verdict } from '../../src/engine/define-check.js';
import type { SmsRoutingArtifact } from './artifact.js';
import type { SmsRoutingConfig } from './config.js';
import { helpContent } from './evaluate/help-content.js';
import { burstLatency, replyLatency } from './evaluate/latency.js';
import { optInKeywords } from './evaluate/opt-in-keywords.js';
import { optOutConfirmation } from './evaluate/opt-out-confirmation.js';
import { optOutKeywords } from './evaluate/opt-out-keywords.js';
import { quietHours } from './evaluate/quiet-hours.js';
import { signatureEnforced } from './evaluate/signature-enforced.js';
import { throughputPlan } from './evaluate/throughput-plan.js';
import type { SmsRule } from './rules.js';

/** Pure: the recorded exchanges and the profile's campaigns in, one function per rule. */
export const evaluate = (artifact: SmsRoutingArtifact, config: SmsRoutingConfig, _ctx: EvaluateContext): Verdict<SmsRule>[] => [
  ...optOutKeywords(artifact, config),
  ...optOutConfirmation(artifact, config),
  ...helpContent(artifact, config),
  ...optInKeywords(artifact, config),
  ...signatureEnforced(artifact, config),
  ...replyLatency(artifact, config),
  ...burstLatency(artifact, config),
  ...quietHours(config),
  ...throughputPlan(config),
];
