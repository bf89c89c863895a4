import { describeCause } from '../engine/causes.js';
import type { Finding, Report } from '../engine/report.js';
import type { Matrix } from '../engine/define-check.js';
import { joinMatrices, matrixCaption } from './matrix.js';
import { mermaidChart } from './mermaid.js';
import { COLLAPSE_AT, findingsByCause, groupByRule, showInvisible, someSubjects, treeLines } from './layout.js';
import { causeLine, countsLine, exitLine, peakLine, sectionsOf, STATUS_WORD, suppressionNotes, type CheckSection } from './text.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

const ICON: Record<Finding['status'], string> = { fail: '❌', error: '⚠️', warn: '🟡', pass: '✅', skip: '⏭️' };

const row = (finding: Finding): string => {
  const details = [finding.message, finding.expected !== undefined ? `Expected: ${finding.expected}` : '', finding.found !== undefined ? `Found: ${finding.found}` : '']
    .filter(Boolean)
    .map(showInvisible)
    .join('<br>');
  const fix = finding.suppressed ? `Suppressed: ${finding.suppressed.reason}` : (finding.fix ?? '');
  return `| ${ICON[finding.status]} ${STATUS_WORD[finding.status]} | ${finding.severity} | \`${finding.rule}\` | ${cell(showInvisible(finding.subject))} | ${cell(details)} | ${cell(fix)} |`;
};

/** Many passing subjects of one rule read as one row: "43 of 43 subjects". */
const passedRows = (passed: Finding[], all: Finding[]): string[] =>
  groupByRule(passed, all).flatMap((group) => {
    if (group.findings.length < COLLAPSE_AT) return group.findings.map(row);
    const first = group.findings[0]!;
    const subjects = `${group.findings.length} of ${group.total} subjects`;
    return [`| ${ICON.pass} ${STATUS_WORD.pass} | ${first.severity} | \`${group.rule}\` | ${subjects} | ${cell(`${first.title} (${someSubjects(group.findings)})`)} |  |`];
  });

const TABLE_HEAD = ['| Status | Severity | Rule | Subject | Finding | Fix |', '|---|---|---|---|---|---|'];

/** Could-not-check findings under their cause: the cause and its fix once, then the rules and subjects. */
const causeTables = (findings: Finding[], all: Finding[]): string[] => {
  return [...findingsByCause(findings)].flatMap(([cause, grouped]) => [
    `**${ICON.error} Could not check ${grouped.length === 1 ? '1 finding' : `${grouped.length} findings`}: ${cell(describeCause(cause))}.** ${cell(grouped[0]?.fix ?? '')}`,
    '',
    '| Severity | Rule | Subjects | What could not be checked |',
    '|---|---|---|---|',
    ...groupByRule(grouped, all).map(
      (group) =>
        `| ${group.findings[0]!.severity} | \`${group.rule}\` | ${cell(someSubjects(group.findings, 8))} | ${cell(showInvisible(group.findings[0]!.message))}${group.findings.length > 1 ? ' …' : ''} |`,
    ),
    '',
  ]);
};

/** Trees and charts a reader takes in at a glance, drawn as text under the table they belong to. */
const figures = (findings: Finding[]): string[] =>
  findings.flatMap((finding) => {
    if (!finding.tree && !finding.chart) return [];
    const tree = finding.tree ? ['```', ...treeLines(finding.tree), '```', ''] : [];
    const chart = finding.chart ? [...mermaidChart(finding.chart), ''] : [];
    return [`**\`${finding.rule}\` · ${cell(showInvisible(finding.subject))}**`, '', ...tree, ...chart];
  });

/** A matrix as a table, each filled cell led by its status icon: GitHub shows no colour in a table cell. */
const matrixLines = (matrix: Matrix): string[] => [
  `**${cell(matrixCaption(matrix))}**`,
  '',
  `| ${[matrix.rowHeader, ...matrix.columns].map(cell).join(' | ')} |`,
  `|${'---|'.repeat(matrix.columns.length + 1)}`,
  ...matrix.rows.map(({ label, cells }) => {
    const shown = matrix.columns.map((_, index) => {
      const filled = cells[index];
      return filled ? `${filled.tone ? `${ICON[filled.tone]} ` : ''}${cell(showInvisible(filled.text))}` : '';
    });
    return `| ${cell(showInvisible(label))} | ${shown.join(' | ')} |`;
  }),
  '',
];

const section = ({ run, findings }: CheckSection): string[] => {
  if (run.state === 'skipped') return [`### ${run.title} (\`${run.id}\`)`, '', `Skipped: ${run.reason ?? ''}`, ''];
  const errors = findings.filter((finding) => finding.status === 'error');
  const notable = findings.filter((finding) => finding.status !== 'pass' && finding.status !== 'error');
  const passed = findings.filter((finding) => finding.status === 'pass');
  const lines = [`### ${run.title} (\`${run.id}\`)`, '', countsLine(findings), ''];
  if (run.state === 'error') lines.push(`Could not complete: ${run.reason ?? ''}`, '');
  else if (run.reason) lines.push(`Note: ${run.reason}`, '');
  lines.push(...causeTables(errors, findings));
  if (notable.length > 0) lines.push(...TABLE_HEAD, ...notable.map(row), '', ...figures(notable.filter((finding) => finding.status !== 'skip')));
  lines.push(...joinMatrices(findings).flatMap(matrixLines));
  if (passed.length > 0) {
    // Pictures of passing findings too (a load test's arrival chart), folded with them as in HTML.
    lines.push(`<details><summary>${passed.length} passed</summary>`, '', ...TABLE_HEAD, ...passedRows(passed, findings), '', ...figures(passed), '</details>', '');
  }
  return lines;
};

/** Expired and unused suppressions, so the list of exceptions only shrinks. */
const suppressionSection = (report: Report): string[] => {
  const notes = suppressionNotes(report);
  return notes.length === 0 ? [] : ['### Suppressions to review', '', ...notes.map((note) => `- ${cell(note)}`), ''];
};

/** Markdown for pull-request comments and CI step summaries. */
export const renderMarkdown = (report: Report): string => {
  const verdict = report.summary.blocking > 0 || report.interrupted ? '❌' : '✅';
  const lead = [...report.notices.map((notice) => `> **${notice}**`), ...report.summary.causes.map((group) => `> ${ICON.error} ${causeLine(group)}`)];
  return [
    `## ${verdict} q4check: ${report.store.name}`,
    '',
    `**${exitLine(report)}** ${countsLine(report.findings)}.`,
    '',
    ...(lead.length > 0 ? [lead.join('\n>\n'), ''] : []),
    `Peak: ${peakLine(report)} · today ${report.today} · fail on \`${report.failOn}\` · profile \`${report.profile}\`${report.preparedBy ? ` · prepared by ${report.preparedBy}` : ''}`,
    '',
    ...sectionsOf(report).flatMap(section),
    ...suppressionSection(report),
  ].join('\n');
};
