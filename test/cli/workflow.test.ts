import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from '../helpers/cli.js';

const WORKFLOW = readFileSync(path.join(ROOT, 'examples/ci/github-actions.yml'), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule: { cron: string }[]; push: { paths: string[] } };
  jobs: Record<string, { strategy: { matrix: { shard: number[] } }; steps: Step[] }>;
}

describe('the GitHub Actions workflow in the README', () => {
  const workflow = parse(WORKFLOW) as Workflow;
  const steps = workflow.jobs.audit!.steps;
  const audit = steps.find((step) => step.run?.startsWith('q4check audit'))!;

  it('is the file the README shows, word for word', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(WORKFLOW);
  });

  it('runs on a schedule and on changes to the profiles', () => {
    expect(workflow.on.schedule[0]!.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.on.push.paths).toContain('clients/**');
  });

  it('audits each shard of the matrix against the baseline, so only regressions fail', () => {
    const count = workflow.jobs.audit!.strategy.matrix.shard.length;
    expect(audit.run).toContain(`--shard \${{ matrix.shard }}/${count}`);
    expect(audit.run).toContain('--baseline q4check-baseline.json');
  });

  it('writes the Markdown index to the job summary and uploads the HTML reports, even when the audit fails', () => {
    const summary = steps.find((step) => step.run?.includes('GITHUB_STEP_SUMMARY'))!;
    expect(summary.if).toBe('always()');
    expect(summary.run).toContain('summary/index.md');
    const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.if).toBe('always()');
    expect(String(upload.with?.path)).toContain('reports/');
  });

  it('uses only flags and formats audit knows', async () => {
    const help = (await runCli(['audit', '--help'])).stdout;
    for (const flag of audit.run!.match(/--[a-z-]+/g)!) expect(help).toContain(flag);
    for (const format of audit.run!.match(/--format (\S+)/g)!) expect(help).toContain(`"${format.split(' ')[1]!}"`);
  });
});
