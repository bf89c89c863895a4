import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import type { SmsRule } from '../../../../checks/sms-routing/rules.js';
import type { Verdict } from '../../../../src/engine/define-check.js';
import { evaluateContext, setupConfig, type ConfigInput } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { readArtifact } from './recording.js';

/**
 * `expected` states the threshold that decided the status: a warn shows the warn threshold, a fail the
 * fail threshold. Each rule with more than one threshold says what its statuses may show; the rules
 * with one threshold cannot contradict themselves.
 */
const CONSISTENT: Partial<Record<SmsRule, (verdict: Verdict<SmsRule>) => boolean>> = {
  'reply-latency': ({ status, expected = '' }) =>
    status === 'warn' ? /^p95 < 2000 ms$/.test(expected) : status === 'fail' ? /^every reply within [\d.]+ s$/.test(expected) : true,
  'quiet-hours': ({ status, expected = '', message }) => {
    if (status === 'pass' || status === 'skip') return true;
    const strict = /quiet hours of ([A-Z, ]+) \(20:00/.exec(message);
    return strict ? expected === `08:00–20:00 local in ${strict[1]}` : status === 'fail' && expected === '08:00–21:00 local';
  },
  'throughput-plan': ({ status, expected = '', message }) =>
    status !== 'fail' || (/daily cap/.test(message) ? /recipients a day/.test(expected) : /^≤ \d+ minutes/.test(expected)),
};

const CAMPAIGNS: ConfigInput[] = [
  {},
  { campaigns: [{ name: 'doors open', sendAt: '2026-11-27T06:00:00-05:00', recipients: 1_000, audienceTimezones: ['America/New_York'] }], throughput: { kind: 'short-code' } },
  { campaigns: [{ name: 'unknown states', sendAt: '2026-11-27T20:30:00-05:00', recipients: 1_000, audienceTimezones: ['America/New_York'] }], throughput: { kind: 'toll-free' } },
  { campaigns: [{ name: 'Florida', sendAt: '2026-11-27T20:30:00-05:00', recipients: 1_000, audienceTimezones: ['America/New_York'], audienceStates: ['FL'] }], throughput: { kind: '10dlc', vettingScore: 10 } },
  { campaigns: [{ name: 'too many', sendAt: '2026-11-27T12:00:00-05:00', recipients: 250_000, audienceTimezones: ['America/New_York'] }], throughput: { kind: '10dlc', vettingScore: 80 } },
  { campaigns: [{ name: 'slow sender', sendAt: '2026-11-27T12:00:00-05:00', recipients: 250_000, audienceTimezones: ['America/New_York'] }], throughput: { kind: 'toll-free' } },
];

/** Every recording, also with every keyword reply slowed to just past each latency threshold. */
const slowed = (latencyMs: number) => (name: string) => {
  const artifact = readArtifact(name);
  return { ...artifact, sequences: artifact.sequences.map((sequence) => ({ ...sequence, exchanges: sequence.exchanges.map((exchange) => ({ ...exchange, latencyMs })) })) };
};

describe('sms-routing expected values', () => {
  it.each(CASES.map((recorded) => [recorded.name, recorded] as const))('never contradict the status (%s)', (_name, recorded) => {
    const contradictions = [readArtifact, slowed(2_000), slowed(15_001)].flatMap((read) =>
      CAMPAIGNS.flatMap((campaigns) => {
        const artifact = read(recorded.name);
        return evaluate(artifact, setupConfig(recorded.setup, artifact.webhook, campaigns), evaluateContext)
          .filter((verdict) => CONSISTENT[verdict.rule]?.(verdict) === false)
          .map((verdict) => `${verdict.rule} ${verdict.status}: expected ${verdict.expected}`);
      }),
    );
    expect(contradictions).toEqual([]);
  });

  it('are checked for every status the rules with several thresholds take', () => {
    const statuses = CAMPAIGNS.flatMap((campaigns) =>
      [readArtifact, slowed(2_000), slowed(15_001)].flatMap((read) => {
        const artifact = read('compliant');
        return evaluate(artifact, setupConfig({}, artifact.webhook, campaigns), evaluateContext).filter((verdict) => CONSISTENT[verdict.rule]).map((verdict) => `${verdict.rule} ${verdict.status}`);
      }),
    );
    expect(new Set(statuses)).toEqual(
      new Set(['reply-latency pass', 'reply-latency warn', 'reply-latency fail', 'quiet-hours skip', 'quiet-hours pass', 'quiet-hours warn', 'quiet-hours fail', 'throughput-plan skip', 'throughput-plan pass', 'throughput-plan fail']),
    );
  });
});
