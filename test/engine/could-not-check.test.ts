import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineCheck } from '../../src/engine/define-check.js';
import { runAudit } from '../../src/engine/run.js';
import { options } from './options.js';

const rule = (title: string, failureTitle: string) => ({ title, failureTitle, severity: 'high' as const, description: 'why', fix: 'the rule fix', ref: 'test' });

const DEAD_RESOLVER = 'dns: resolver 127.0.0.1:5400 did not answer';

/** Two rules that could not be checked for one reason, one for another, and one real failure. */
const troubled = defineCheck({
  id: 'troubled',
  title: 'Troubled',
  description: 'mixes failures and could-not-check',
  config: z.strictObject({}),
  rules: { spf: rule('SPF is valid', 'SPF is invalid'), dmarc: rule('DMARC enforces', 'DMARC does not enforce'), webhook: rule('The webhook answers', 'The webhook is wrong') },
  gather: async () => ({}),
  evaluate: () => [
    { rule: 'spf', status: 'error', subject: 'a.example', message: 'TXT a.example timed out', cause: DEAD_RESOLVER, found: 'nothing', fix: 'publish SPF' },
    { rule: 'dmarc', status: 'error', subject: 'a.example', message: 'TXT _dmarc.a.example timed out', cause: DEAD_RESOLVER },
    { rule: 'webhook', status: 'error', subject: 'STOP', message: 'refused', cause: 'http: connection refused by 127.0.0.1:8080' },
  ],
});

const failingToo = defineCheck({
  ...troubled,
  id: 'failing-too',
  evaluate: () => [{ rule: 'spf', status: 'fail', subject: 'b.example', message: 'bad', found: 'x' }],
});

/** Keeps what finished when its time runs out, as a check with partial results should. */
const partial = defineCheck({
  id: 'partial',
  title: 'Partial',
  description: 'returns what it finished when stopped',
  config: z.strictObject({}),
  rules: { offline: rule('Plan fits', 'Plan does not fit'), online: rule('Replies arrive', 'Replies are late') },
  timeoutMs: 50,
  gather: (ctx) =>
    new Promise<{ finished: boolean }>((resolve) => ctx.signal.addEventListener('abort', () => resolve({ finished: false }), { once: true })),
  evaluate: (artifact) => [
    { rule: 'offline', status: 'pass', subject: 'plan', message: 'fits' },
    artifact.finished
      ? { rule: 'online', status: 'pass', subject: 'burst', message: 'ok' }
      : { rule: 'online', status: 'error', subject: 'burst', message: 'cut off', cause: 'timeout: the check did not finish within 0.1 s' },
  ],
});

describe('could-not-check findings', () => {
  it('wear their own title and the cause, with no found and never the rule fix', async () => {
    const report = await runAudit(options([troubled]));
    const spf = report.findings.find((finding) => finding.rule === 'troubled/spf');
    expect(spf).toMatchObject({ status: 'error', title: 'Could not check: SPF is valid', cause: DEAD_RESOLVER });
    expect(spf?.found).toBeUndefined();
    expect(spf?.fix).not.toBe('the rule fix');
    expect(spf?.fix).not.toBe('publish SPF');
    expect(spf?.fix).toMatch(/resolver/);
    expect(report.findings.every((finding) => !finding.title.includes('invalid') && !finding.title.includes('wrong'))).toBe(true);
  });

  it('are counted by cause, most first, and apart from failures', async () => {
    const report = await runAudit(options([troubled, failingToo]));
    expect(report.summary.causes).toEqual([
      { cause: DEAD_RESOLVER, count: 2 },
      { cause: 'http: connection refused by 127.0.0.1:8080', count: 1 },
    ]);
    expect(report.summary).toMatchObject({ blocking: 4, blockingFailures: 1, blockingErrors: 3, exitCode: 1 });
    expect(report.summary.verdict).toBe('1 failure at or above high, and 3 findings could not be checked');
  });

  it('say so when they alone drive the exit code', async () => {
    const report = await runAudit(options([troubled]));
    expect(report.summary.verdict).toBe("3 findings could not be checked at or above high; nothing failed");
  });

  it('a time limit keeps what finished: the offline rule is judged, only the cut-off part is could-not-check', async () => {
    const report = await runAudit(options([partial]));
    expect(report.checks[0]).toMatchObject({ state: 'completed', reason: expect.stringContaining('what finished is judged') });
    expect(report.findings.map((finding) => [finding.rule, finding.status])).toEqual([
      ['partial/online', 'error'],
      ['partial/offline', 'pass'],
    ]);
  });

  it('a check that throws gets a cause from the error kind', async () => {
    const refused = defineCheck({
      ...troubled,
      id: 'refused',
      gather: async (): Promise<unknown> => {
        throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
      },
    });
    const report = await runAudit(options([refused]));
    expect(new Set(report.findings.map((finding) => finding.cause))).toEqual(new Set(['network: connect ECONNREFUSED 127.0.0.1:9']));
  });
});

describe('peak notices', () => {
  it('say when the peak has ended and name the next derived one', async () => {
    const ended = await runAudit(
      options([troubled], {}, {
        context: { today: '2026-12-01', peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false }, store: { name: 'T', timezone: 'UTC' } },
      }),
    );
    expect(ended.notices).toEqual(['Black Friday 2026 ended 1 day ago (2026-11-30); the next derived peak is 2027-11-26.']);
    const coming = await runAudit(options([troubled]));
    expect(coming.notices).toEqual([]);
  });
});
