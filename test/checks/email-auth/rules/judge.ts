import { config as configSchema } from '../../../../checks/email-auth/config.js';
import { evaluate } from '../../../../checks/email-auth/evaluate.js';
import type { EmailAuthArtifact } from '../../../../checks/email-auth/artifact.js';
import type { EmailAuthVerdict } from '../../../../checks/email-auth/evaluate/verdict.js';
import type { EvaluateContext } from '../../../../src/engine/define-check.js';
import { CASES, type RecordedCase } from './cases.js';
import { readArtifact } from './recording.js';

export const EVALUATE_CONTEXT: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false },
  store: { name: 'Test store', timezone: 'UTC' },
};

export const recorded = (name: string): RecordedCase => {
  const found = CASES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no recorded case ${name}`);
  return found;
};

/** The verdicts of a recorded case's artifact (or of one gathered again), under its profile section with any changes. */
export const judge = (name: string, config: Partial<RecordedCase['config']> = {}, artifact: EmailAuthArtifact = readArtifact(name)): EmailAuthVerdict[] =>
  evaluate(artifact, configSchema.parse({ ...recorded(name).config, ...config }), EVALUATE_CONTEXT);
