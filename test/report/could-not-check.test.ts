import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toFinding } from '../../src/engine/findings.js';
import { defineCheck, type Verdict } from '../../src/engine/define-check.js';
import type { Report } from '../../src/engine/report.js';
import { summarize } from '../../src/engine/summary.js';
import { z } from 'zod';
import { renderers } from '../../src/report/index.js';

const rule = (title: string, failureTitle: string) => ({ title, failureTitle, severity: 'high' as const, description: 'why', fix: 'the rule fix', ref: 'test' });

const check = defineCheck({
  id: 'sms',
  title: 'SMS',
  description: 'test',
  config: z.strictObject({}),
  rules: {
    'opt-out-keywords': rule('Every opt-out keyword is honoured', 'An opt-out keyword is not honoured'),
    'spf-lookup-limit': rule('SPF stays within 10 DNS lookups', 'SPF needs more than 10 DNS lookups'),
    'help-content': rule('HELP names the brand', 'HELP does not name the brand'),
  },
  gather: async () => ({}),
  evaluate: () => [],
});

const DEAD = 'http: connection refused by 127.0.0.1:8080';
const KEYWORDS = ['STOP', 'stop', 'Stop', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT'];

const reportOf = (verdicts: Verdict[], today = '2026-11-20'): Report => {
  const findings = verdicts.map((verdict) => toFinding(check, verdict, {}));
  return {
    schemaVersion: 1,
    tool: { name: 'q4check', version: '0.0.0-test' },
    profile: 'store.yaml',
    store: { name: 'Test', timezone: 'UTC' },
    peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: false },
    today,
    failOn: 'high',
    interrupted: false,
    notices: today > '2026-11-30' ? ['Black Friday 2026 ended 1 day ago (2026-11-30); the next derived peak is 2027-11-26.'] : [],
    checks: [{ id: 'sms', title: 'SMS', state: 'completed', durationMs: 0 }],
    findings,
    suppressions: [],
    summary: summarize(findings, 'high', false),
  };
};

const deadWebhook = reportOf(
  KEYWORDS.map((keyword) => ({ rule: 'opt-out-keywords', status: 'error', subject: keyword, message: `Could not check ${keyword}: connection refused.`, cause: DEAD })),
);
const CONTEXT = { color: false, width: 100, quiet: false };

describe('reports of findings that could not be checked', () => {
  it('every format leads with one line per cause and its count', () => {
    const line = '7 findings could not be checked: HTTP: connection refused by 127.0.0.1:8080';
    for (const format of ['terminal', 'markdown', 'junit', 'json'] as const) {
      const text = renderers[format](deadWebhook, CONTEXT);
      if (format === 'json') expect(JSON.parse(text).summary.causes).toEqual([{ cause: DEAD, count: 7 }]);
      else expect(text.indexOf(line), format).toBeGreaterThan(-1);
      if (format === 'terminal') expect(text.indexOf(line)).toBeLessThan(text.indexOf('SMS (sms)'));
    }
  });

  it('the terminal groups them under the cause instead of repeating title and fix', () => {
    const text = renderers.terminal(deadWebhook, CONTEXT);
    expect(text).not.toContain('An opt-out keyword is not honoured');
    expect(text).not.toContain('the rule fix');
    expect(text.match(/fix:/g)).toHaveLength(1);
    expect(text).toContain('sms/opt-out-keywords · STOP, stop, Stop and 4 more');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      'Exit code 1: 7 findings could not be checked at or above high; nothing failed.',
    );
  });

  it('Markdown and JUnit never dress them as failures', () => {
    const markdown = renderers.markdown(deadWebhook, CONTEXT);
    expect(markdown).not.toContain('An opt-out keyword is not honoured');
    expect(markdown).toContain('Could not check 7 findings');
    const junit = renderers.junit(deadWebhook, CONTEXT);
    expect(XMLValidator.validate(junit)).toBe(true);
    expect(junit).not.toContain('<failure');
    expect(junit.match(/<error message="Could not check: every opt-out keyword is honoured" type="http">/g)).toHaveLength(7);
  });
});

describe('report layout', () => {
  it('a rule with many passing subjects collapses to one line in the terminal and Markdown', () => {
    const report = reportOf(KEYWORDS.map((keyword) => ({ rule: 'opt-out-keywords', status: 'pass', subject: keyword, message: `${keyword} is honoured.` })));
    const terminal = renderers.terminal(report, CONTEXT);
    expect(terminal).toContain('sms/opt-out-keywords · 7 of 7 subjects — Every opt-out keyword is honoured');
    expect(terminal).not.toContain('UNSUBSCRIBE is honoured');
    expect(renderers.markdown(report, CONTEXT)).toContain('| `sms/opt-out-keywords` | 7 of 7 subjects |');
  });

  it('invisible characters in subjects are shown escaped', () => {
    const report = reportOf([{ rule: 'opt-out-keywords', status: 'fail', subject: 'STOP\u200b', message: 'STOP\u200b got a marketing reply.' }]);
    for (const format of ['terminal', 'markdown', 'junit'] as const) expect(renderers[format](report, CONTEXT), format).toContain('STOP\\u200b');
  });

  it('the terminal wraps at word boundaries to the width', () => {
    const long = 'word '.repeat(60).trim();
    const report = reportOf([{ rule: 'help-content', status: 'fail', subject: 'HELP', message: long, fix: long }]);
    for (const width of [60, 100]) {
      const lines = renderers.terminal(report, { ...CONTEXT, width }).split('\n');
      expect(lines.every((line) => line.length <= width)).toBe(true);
      expect(lines.some((line) => /wor$|^\s*d\b/.test(line))).toBe(false);
    }
  });

  it('an SPF tree is drawn in the terminal and Markdown', () => {
    const tree = { label: 'shop.example', note: '11 lookups', children: [{ label: 'include:big.example', note: '10 lookups' }] };
    const report = reportOf([{ rule: 'spf-lookup-limit', status: 'fail', subject: 'shop.example', message: 'too many', tree }]);
    expect(renderers.terminal(report, CONTEXT)).toContain('└─ include:big.example  (10 lookups)');
    expect(renderers.markdown(report, CONTEXT)).toContain('└─ include:big.example  (10 lookups)');
  });

  it('JUnit names a testcase by rule and subject alone, so a pass and a fail share one history', () => {
    const name = (status: 'pass' | 'fail' | 'error') =>
      /<testcase name="([^"]+)"/.exec(renderers.junit(reportOf([{ rule: 'help-content', status, subject: 'HELP', message: 'm', cause: 'http: x' }]), CONTEXT))?.[1];
    expect(name('pass')).toBe('sms/help-content · HELP');
    expect(name('fail')).toBe(name('pass'));
    expect(name('error')).toBe(name('pass'));
  });

  it('an ended peak is said at the top of every format', () => {
    const report = reportOf([{ rule: 'help-content', status: 'pass', subject: 'HELP', message: 'm' }], '2026-12-01');
    for (const format of ['terminal', 'markdown', 'junit', 'json'] as const) {
      expect(renderers[format](report, CONTEXT), format).toContain('Black Friday 2026 ended 1 day ago');
    }
    const terminal = renderers.terminal(report, CONTEXT);
    expect(terminal.indexOf('ended 1 day ago')).toBeLessThan(terminal.indexOf('SMS (sms)'));
  });
});
