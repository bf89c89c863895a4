import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/checkout-load/evaluate.js';
import type { CheckoutLoadRule } from '../../../../checks/checkout-load/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { normalised, statusesOf } from '../../../helpers/verdict-statuses.js';
import { evaluateContext, gatherJudgeable } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { readArtifact, recordedSection } from './recording.js';

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
    const gathered = await gatherJudgeable(recorded.setup);
    const { verdicts, artifact, credentials } = gathered;
    // The store's credentials (and a wrong one the profile gave) are never in what was gathered or judged.
    const saved = JSON.stringify({ artifact, verdicts });
    for (const secret of [credentials.adminToken, credentials.webhookSecret, recorded.setup.adminToken ?? credentials.adminToken]) expect(saved).not.toContain(secret);
    expect(statusesOf(verdicts, normalised(recorded.expect)), recorded.says).toEqual(normalised(recorded.expect));
    const fromRecording = evaluate(readArtifact(recorded.name), recordedSection(recorded), evaluateContext);
    expect(statusMap(verdicts)).toEqual(statusMap(fromRecording));
  }, 120_000);
});
