import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCheck, type AnyCheck } from '../../src/engine/define-check.js';
import { runAudit } from '../../src/engine/run.js';
import { options } from './options.js';

const rule = (severity: 'high' | 'low' = 'high') => ({
  title: 'ok',
  failureTitle: 'not ok',
  severity,
  description: 'why',
  fix: 'do it',
  ref: 'test',
});

const passing = defineCheck({
  id: 'passing',
  title: 'Passing',
  description: 'always passes',
  config: z.strictObject({}),
  rules: { thing: rule() },
  gather: async () => ({ seen: true }),
  evaluate: () => [{ rule: 'thing', status: 'pass', subject: 'a', message: 'fine' }],
});

const failing = defineCheck({
  id: 'failing',
  title: 'Failing',
  description: 'fails twice',
  config: z.strictObject({}),
  rules: { first: rule(), second: rule('low') },
  gather: async () => ({}),
  evaluate: () => [
    { rule: 'first', status: 'fail', subject: 'x', message: 'bad x' },
    { rule: 'second', status: 'fail', subject: 'y', message: 'bad y' },
  ],
});

const throwing = defineCheck({
  id: 'throwing',
  title: 'Throwing',
  description: 'gather throws',
  config: z.strictObject({}),
  rules: { one: rule(), two: rule() },
  gather: async (): Promise<unknown> => {
    throw new Error('connect ECONNREFUSED 127.0.0.1:9');
  },
  evaluate: () => [],
});

const hanging = defineCheck({
  id: 'hanging',
  title: 'Hanging',
  description: 'gather never settles and ignores its signal',
  config: z.strictObject({}),
  rules: { one: rule() },
  timeoutMs: 50,
  gather: () => new Promise<unknown>(() => undefined),
  evaluate: () => [],
});

describe('runAudit', () => {
  it('qualifies rule ids, picks titles by status and fails only at or above --fail-on', async () => {
    const report = await runAudit(options([passing, failing]));
    expect(report.findings.map((f) => [f.rule, f.status, f.severity, f.title])).toEqual([
      ['passing/thing', 'pass', 'high', 'ok'],
      ['failing/first', 'fail', 'high', 'not ok'],
      ['failing/second', 'fail', 'low', 'not ok'],
    ]);
    expect(report.summary).toMatchObject({ blocking: 1, exitCode: 1 });
    const lenient = await runAudit(options([failing], {}, { failOn: 'critical' }));
    expect(lenient.summary).toMatchObject({ blocking: 0, exitCode: 0 });
  });

  it('turns a throwing gather into one error finding per rule and runs the other checks', async () => {
    const report = await runAudit(options([throwing, passing]));
    expect(report.checks.map((run) => [run.id, run.state])).toEqual([
      ['throwing', 'error'],
      ['passing', 'completed'],
    ]);
    expect(report.findings.filter((f) => f.status === 'error').map((f) => f.rule)).toEqual(['throwing/one', 'throwing/two']);
    expect(report.findings[0]?.message).toContain('ECONNREFUSED');
  });

  it('stops a check at its time limit even when gather ignores the signal', async () => {
    const report = await runAudit(options([hanging]));
    expect(report.checks[0]).toMatchObject({ state: 'error', reason: expect.stringContaining('time limit') });
  });

  it('still reports what finished when the run is interrupted', async () => {
    const controller = new AbortController();
    const interruptOnceThePassingCheckIsDone = {
      checkStarted: () => undefined,
      checkFinished: (check: AnyCheck) => {
        if (check.id === 'passing') controller.abort(Object.assign(new Error('interrupted'), { name: 'AbortError' }));
      },
    };
    const report = await runAudit(
      options([hanging, passing], {}, { signal: controller.signal, timeoutMs: 60_000, progress: interruptOnceThePassingCheckIsDone }),
    );
    expect(report.interrupted).toBe(true);
    expect(report.checks.map((c) => c.state)).toEqual(['error', 'completed']);
    expect(report.checks[0]?.reason).toContain('interrupted');
  });

  it('reports a check without a section as skipped, and honours --only and --skip', async () => {
    const report = await runAudit(options([passing, failing], { checks: { passing: {} } }));
    expect(report.checks.find((c) => c.id === 'failing')).toMatchObject({ state: 'skipped', reason: 'the profile has no checks.failing section' });
    const only = await runAudit(options([passing, failing], {}, { only: ['passing'] }));
    expect(only.checks.map((c) => c.state)).toEqual(['completed', 'skipped']);
    const skipped = await runAudit(options([passing, failing], {}, { skip: ['passing'] }));
    expect(skipped.checks.map((c) => c.state)).toEqual(['skipped', 'completed']);
  });

  it('re-grades severities and applies suppressions with reasons, noting expired and unused ones', async () => {
    const report = await runAudit(
      options([failing], {
        severity: { 'failing/second': 'high' },
        suppress: [
          { rule: 'failing/first', subject: 'x', reason: 'accepted for the peak', until: '2026-12-31' },
          { rule: 'failing/second', reason: 'old exception', until: '2026-10-01' },
          { rule: 'failing/first', subject: 'nobody', reason: 'stale' },
        ],
      }),
    );
    expect(report.findings.map((f) => [f.rule, f.status, f.severity, f.suppressed?.reason])).toEqual([
      ['failing/second', 'fail', 'high', undefined],
      ['failing/first', 'skip', 'high', 'accepted for the peak'],
    ]);
    expect(report.suppressions.map((note) => note.state)).toEqual(['active', 'expired', 'unused']);
    expect(report.summary.blocking).toBe(1);
  });

  it('turns a verdict for an undeclared rule into an error instead of dropping it', async () => {
    const sloppy = defineCheck({ ...passing, id: 'sloppy', evaluate: () => [{ rule: 'nope' as 'thing', status: 'pass', subject: 'a', message: 'm' }] });
    const report = await runAudit(options([sloppy]));
    expect(report.findings[0]).toMatchObject({ rule: 'sloppy/nope', status: 'error' });
  });
});
