import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { normalised, statusesOf } from '../../../helpers/verdict-statuses.js';
import { evaluateContext, gatherFrom, loadConfig } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { readArtifact, RECORDED_STORE } from './recording.js';

/** rule · subject → status. */
const statusMap = (verdicts: readonly Verdict<CheckoutLoadRule>[]): Record<string, string> =>
  Object.fromEntries(verdicts.map((verdict) => [`${verdict.rule} · ${verdict.subject}`, verdict.status]));

/**
 * Each recorded situation gathered again by the check's real gather against the storefront simulator:
 * the defect is caught by exactly its rule (every rule's status as the case says), and the verdicts match
 * the recording's rule by rule and subject by subject, so a stale recording fails here. Re-record with
 * `REGENERATE=1 npx vitest run test/checks/checkout-load/rules/regenerate.test.ts`.
 */
describe('checkout-load against the storefront simulator: each defect caught by exactly its rule, as recorded', () => {
  it.each(CASES.map((recorded) => [recorded.name, recorded] as const))('%s', async (_name, recorded) => {
    let gathered = await gatherFrom(recorded.setup);
    // A generator that fell behind (a machine busy with other suites) cannot judge the store: once more.
    if (gathered.artifact.run?.generator.behind) gathered = await gatherFrom(recorded.setup);
    const { verdicts } = gathered;
    expect(statusesOf(verdicts, normalised(recorded.expect)), recorded.says).toEqual(normalised(recorded.expect));
    const fromRecording = evaluate(readArtifact(recorded.name), loadConfig(recorded.setup.target ?? RECORDED_STORE, recorded.setup.config), evaluateContext);
    expect(statusMap(verdicts)).toEqual(statusMap(fromRecording));
  }, 120_000);
});
