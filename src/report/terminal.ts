import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding, FindingStatus, Report } from '../engine/report.js';
import { renderChart } from './chart.js';
import { countsLine, exitLine, peakLine, sectionsOf, STATUS_WORD, type CheckSection, type RenderContext } from './text.js';

const paint = (chalk: ChalkInstance): Record<FindingStatus, (text: string) => string> => ({
  fail: chalk.red.bold,
  error: chalk.magenta.bold,
  warn: chalk.yellow.bold,
  pass: chalk.green,
  skip: chalk.gray,
});

const indent = (lines: string[], by = 6): string[] => lines.map((line) => (line ? `${' '.repeat(by)}${line}` : line));

const findingLines = (finding: Finding, chalk: ChalkInstance, width: number): string[] => {
  const status = paint(chalk)[finding.status](STATUS_WORD[finding.status].padEnd(5));
  const head = `  ${status} ${chalk.dim(finding.severity.padEnd(8))} ${finding.rule} · ${chalk.bold(finding.subject)}`;
  const chart = finding.chart ? indent(['', ...renderChart(finding.chart, width - 6), '']) : [];
  const routine = finding.status === 'pass' || (finding.status === 'skip' && !finding.suppressed);
  if (routine) return [`${head} ${chalk.dim(`— ${finding.message}`)}`, ...chart];
  const lines = [finding.title, finding.message];
  if (finding.suppressed) {
    lines.push(chalk.dim(`suppressed: ${finding.suppressed.reason}${finding.suppressed.until ? ` (until ${finding.suppressed.until})` : ''}`));
  }
  if (finding.expected !== undefined) lines.push(`expected: ${finding.expected}`);
  if (finding.found !== undefined) lines.push(`found:    ${finding.found}`);
  if (finding.fix) lines.push(`${chalk.cyan('fix:')}      ${finding.fix}`);
  return [head, ...indent(lines), ...chart];
};

const sectionLines = (section: CheckSection, chalk: ChalkInstance, context: RenderContext): string[] => {
  const { run, findings } = section;
  const heading = `${chalk.bold(run.title)} ${chalk.dim(`(${run.id})`)}`;
  if (run.state === 'skipped') return [`${heading} — skipped: ${run.reason ?? ''}`];
  const shown = context.quiet ? findings.filter((finding) => finding.status !== 'pass' && (finding.status !== 'skip' || finding.suppressed)) : findings;
  const state = run.state === 'error' ? ` — ${chalk.magenta(`could not complete: ${run.reason ?? ''}`)}` : '';
  return [`${heading} — ${countsLine(findings)}${state}`, ...shown.flatMap((finding) => findingLines(finding, chalk, context.width)), ''];
};

const suppressionLines = (report: Report, chalk: ChalkInstance): string[] => {
  const notable = report.suppressions.filter((note) => note.state !== 'active');
  return notable.map((note) =>
    chalk.yellow(
      `Suppression of ${note.rule}${note.subject ? ` for ${note.subject}` : ''} ${
        note.state === 'expired' ? `expired on ${note.until ?? ''} and no longer applies` : 'matched nothing: remove it'
      }.`,
    ),
  );
};

/** The report for a person at a terminal or reading a CI log: worst news first, each failure with its fix. */
export const renderTerminal = (report: Report, context: RenderContext): string => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const header = [
    chalk.bold(`q4check ${report.tool.version} — ${report.store.name}`) + chalk.dim(` (${report.profile})`),
    `Peak: ${peakLine(report)} · today ${report.today} · fail on ${report.failOn}${report.preparedBy ? ` · prepared by ${report.preparedBy}` : ''}`,
    '',
  ];
  const sections = sectionsOf(report);
  const ran = sections.filter((section) => section.run.state !== 'skipped');
  const skipped = sections.filter((section) => section.run.state === 'skipped');
  const body = [...ran.flatMap((section) => sectionLines(section, chalk, context)), ...skipped.flatMap((section) => sectionLines(section, chalk, context)), ''];
  const exit = report.summary.blocking > 0 || report.interrupted ? chalk.red.bold(exitLine(report)) : chalk.green.bold(exitLine(report));
  const footer = [...suppressionLines(report, chalk), '', `Summary: ${countsLine(report.findings)}`, exit];
  return `${[...header, ...body, ...footer].join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
};
