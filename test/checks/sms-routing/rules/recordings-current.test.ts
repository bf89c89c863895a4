import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { evaluateContext, gatherFrom, setupConfig } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { readArtifact, RECORDED_HOST } from './recording.js';

/** rule · subject → status; the live webhook's port written as the recording's. */
const statusMap = (verdicts: readonly Verdict<SmsRule>[], host: string): Record<string, string> =>
  Object.fromEntries(verdicts.map((verdict) => [`${verdict.rule} · ${verdict.subject.replaceAll(host, RECORDED_HOST)}`, verdict.status]));

/**
 * The rule tables judge committed recordings, which drift when the gather or the simulator changes
 * (a recording made before "stop after three timeouts" passed through another branch). Each recorded
 * situation is gathered again against the simulator, and its verdicts must match the recording's,
 * rule by rule and subject by subject: a stale recording fails here. Re-record with
 * `REGENERATE=1 npx vitest run test/checks/sms-routing/rules/regenerate.test.ts`.
 */
describe('sms-routing recordings are current', () => {
  it.each(CASES.map((recorded) => [recorded.name, recorded] as const))('%s gathers again to the same verdicts', async (_name, recorded) => {
    const { verdicts, webhook } = await gatherFrom(recorded.setup);
    const artifact = readArtifact(recorded.name);
    const fromRecording = evaluate(artifact, setupConfig(recorded.setup, artifact.webhook), evaluateContext);
    expect(statusMap(verdicts, new URL(webhook).host)).toEqual(statusMap(fromRecording, RECORDED_HOST));
  }, 120_000);
});
