import type { EvaluateContext, Verdict } from '../../src/engine/define-check.js';
import type { IpWarmupArtifact } from './artifact.js';
import type { IpWarmupConfig } from './config.js';
import { actualsCurrent } from './evaluate/actuals-current.js';
import { actualsOnPlan } from './evaluate/actuals-on-plan.js';
import { bounceRate } from './evaluate/bounce-rate.js';
import { complaintRate } from './evaluate/complaint-rate.js';
import { firstDayVolume } from './evaluate/first-day-volume.js';
import { holidayStart } from './evaluate/holiday-start.js';
import { peakReadiness } from './evaluate/peak-readiness.js';
import { perIpVolume } from './evaluate/per-ip-volume.js';
import { rampGrowth } from './evaluate/ramp-growth.js';
import { rampLength } from './evaluate/ramp-length.js';
import { sendingGap } from './evaluate/sending-gap.js';
import type { RuleEvaluator, RuleId } from './types.js';

// Keyed by rule id so a rule without an evaluator, or an evaluator without a rule, does not compile.
const evaluators: { [R in RuleId]: RuleEvaluator<R> } = {
  'peak-readiness': peakReadiness,
  'ramp-growth': rampGrowth,
  'first-day-volume': firstDayVolume,
  'ramp-length': rampLength,
  'sending-gap': sendingGap,
  'holiday-start': holidayStart,
  'per-ip-volume': perIpVolume,
  'actuals-current': actualsCurrent,
  'actuals-on-plan': actualsOnPlan,
  'bounce-rate': bounceRate,
  'complaint-rate': complaintRate,
};

export const evaluate = (artifact: IpWarmupArtifact, config: IpWarmupConfig, ctx: EvaluateContext): Verdict<RuleId>[] =>
  Object.values(evaluators).flatMap((evaluator: RuleEvaluator<RuleId>) => evaluator(artifact, config, ctx));
