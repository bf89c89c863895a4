import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EvaluateContext } from '../../../src/engine/define-check.js';
import { toFinding } from '../../../src/engine/findings.js';
import type { IpWarmupArtifact } from '../../../checks/ip-warmup/artifact.js';
import ipWarmup from '../../../checks/ip-warmup/index.js';

const ctx: EvaluateContext = {
  today: '2026-11-20',
  peak: { name: 'Black Friday 2026', start: '2026-11-27', end: '2026-11-30', derived: true },
  store: { name: 'Test store', timezone: 'UTC' },
};

const config = ipWarmup.config.parse({
  peakDailyVolume: 20_000,
  actuals: 'sends.csv',
  ips: [{ address: '198.51.100.20', start: '2026-09-07', plan: [500, 1000, 2000, 4000, 8000, 10_000] }],
});

const recorded = (name: string): IpWarmupArtifact =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/artifacts/ip-warmup/${name}.json`, import.meta.url), 'utf8')) as IpWarmupArtifact;

const findingsOf = (artifact: IpWarmupArtifact) => ipWarmup.evaluate(artifact, config, ctx).map((verdict) => toFinding(ipWarmup, verdict, {}));

const ACTUALS_RULES = ['ip-warmup/actuals-on-plan', 'ip-warmup/bounce-rate', 'ip-warmup/complaint-rate'];

describe('ip-warmup: actuals that could not be read', () => {
  it('gives each actuals rule one could-not-check finding sharing the file cause, never a failure', () => {
    const errors = findingsOf(recorded('actuals-unreadable')).filter((finding) => finding.status === 'error');
    expect(errors.map((finding) => finding.rule).sort()).toEqual([...ACTUALS_RULES, 'ip-warmup/actuals-current'].sort());
    for (const finding of errors) {
      expect(finding.cause).toBe('file: sends.csv not found');
      expect(finding.found).toBeUndefined();
      expect(finding.title).toMatch(/^Could not check: /);
      expect(finding.fix).not.toBe(ipWarmup.rules[finding.rule.slice('ip-warmup/'.length) as keyof typeof ipWarmup.rules].fix);
    }
    const complaints = errors.find((finding) => finding.rule === 'ip-warmup/complaint-rate');
    expect(complaints?.title).toBe('Could not check: spam complaints stay low');
    expect(complaints?.message).toBe('The actual sends could not be judged: sends.csv not found.');
  });

  it('sets neither found nor fix on an error verdict', () => {
    const errors = ipWarmup.evaluate(recorded('actuals-unreadable'), config, ctx).filter((verdict) => verdict.status === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((verdict) => verdict.found !== undefined || verdict.fix !== undefined)).toEqual([]);
  });

  it('still judges the plan when the reading was cut off, and names the timeout as the cause', () => {
    const cut: IpWarmupArtifact = {
      actuals: { file: 'sends.csv', error: 'sends.csv was not read before the check ran out of time', cause: 'timeout: sends.csv was not read before the check ran out of time' },
    };
    const findings = findingsOf(cut);
    const judged = findings.filter((finding) => finding.status !== 'error').map((finding) => finding.rule);
    expect(judged).toEqual(expect.arrayContaining(['ip-warmup/peak-readiness', 'ip-warmup/ramp-growth', 'ip-warmup/first-day-volume', 'ip-warmup/sending-gap']));
    expect(new Set(findings.filter((finding) => finding.status === 'error').map((finding) => finding.cause))).toEqual(
      new Set(['timeout: sends.csv was not read before the check ran out of time']),
    );
  });

  it('groups a recording made before causes existed under one cause per file', () => {
    const old: IpWarmupArtifact = { actuals: { file: 'sends.csv', error: "sends.csv was not found (paths are relative to the profile's folder)" } };
    const causes = new Set(findingsOf(old).filter((finding) => finding.status === 'error').map((finding) => finding.cause));
    expect(causes).toEqual(new Set(['file: sends.csv could not be read']));
  });
});
