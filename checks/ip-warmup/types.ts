import type { EvaluateContext, Verdict } from '../../src/engine/define-check.js';
import type { Json } from '../../src/engine/json.js';
import type { IpWarmupArtifact } from './artifact.js';
import type { IpWarmupConfig } from './config.js';
import type { rules } from './rules.js';

export type RuleId = keyof typeof rules;

/** One rule's judgement: pure, from the artifact, the config and the context alone. */
export type RuleEvaluator<R extends RuleId> = (
  artifact: IpWarmupArtifact,
  config: IpWarmupConfig,
  ctx: EvaluateContext,
) => Verdict<R>[];

export type JsonObject = { [key: string]: Json | undefined };

/** The subject of verdicts about the IPs together rather than one of them. */
export const ALL_IPS = 'all IPs';
