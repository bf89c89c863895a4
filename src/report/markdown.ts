import type { Finding, Report } from '../engine/report.js';
import { countsLine, exitLine, peakLine, sectionsOf, STATUS_WORD, type CheckSection } from './text.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

const ICON: Record<Finding['status'], string> = { fail: '❌', error: '⚠️', warn: '🟡', pass: '✅', skip: '⏭️' };

const row = (finding: Finding): string => {
  const details = [finding.message, finding.expected !== undefined ? `Expected: ${finding.expected}` : '', finding.found !== undefined ? `Found: ${finding.found}` : '']
    .filter(Boolean)
    .join('<br>');
  const fix = finding.suppressed ? `Suppressed: ${finding.suppressed.reason}` : (finding.fix ?? '');
  return `| ${ICON[finding.status]} ${STATUS_WORD[finding.status]} | ${finding.severity} | \`${finding.rule}\` | ${cell(finding.subject)} | ${cell(details)} | ${cell(fix)} |`;
};

const TABLE_HEAD = ['| Status | Severity | Rule | Subject | Finding | Fix |', '|---|---|---|---|---|---|'];

const section = ({ run, findings }: CheckSection): string[] => {
  if (run.state === 'skipped') return [`### ${run.title} (\`${run.id}\`)`, '', `Skipped: ${run.reason ?? ''}`, ''];
  const notable = findings.filter((finding) => finding.status !== 'pass');
  const passed = findings.filter((finding) => finding.status === 'pass');
  const lines = [`### ${run.title} (\`${run.id}\`)`, '', countsLine(findings), ''];
  if (run.state === 'error') lines.push(`Could not complete: ${run.reason ?? ''}`, '');
  if (notable.length > 0) lines.push(...TABLE_HEAD, ...notable.map(row), '');
  if (passed.length > 0) {
    lines.push(`<details><summary>${passed.length} passed</summary>`, '', ...TABLE_HEAD, ...passed.map(row), '', '</details>', '');
  }
  return lines;
};

/** Markdown for pull-request comments and CI step summaries. */
export const renderMarkdown = (report: Report): string => {
  const verdict = report.summary.blocking > 0 || report.interrupted ? '❌' : '✅';
  return [
    `## ${verdict} q4check: ${report.store.name}`,
    '',
    `**${exitLine(report)}** ${countsLine(report.findings)}.`,
    '',
    `Peak: ${peakLine(report)} · today ${report.today} · fail on \`${report.failOn}\` · profile \`${report.profile}\``,
    '',
    ...sectionsOf(report).flatMap(section),
  ].join('\n');
};
