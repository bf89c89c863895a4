import { Chalk, type ChalkInstance } from 'chalk';
import { describeCause } from '../engine/causes.js';
import type { Finding, FindingStatus, Report } from '../engine/report.js';
import { renderChart } from './chart.js';
import { joinMatrices, matrixCaption } from './matrix.js';
import { COLLAPSE_AT, findingsByCause, groupByRule, showInvisible, someSubjects, treeLines, wrap, type RuleGroup } from './layout.js';
import { causeLine, countsLine, exitLine, peakLine, sectionsOf, STATUS_WORD, suppressionNotes, type CheckSection, type RenderContext } from './text.js';

const paint = (chalk: ChalkInstance): Record<FindingStatus, (text: string) => string> => ({
  fail: chalk.red.bold,
  error: chalk.magenta.bold,
  warn: chalk.yellow.bold,
  pass: chalk.green,
  skip: chalk.gray,
});

const BODY_INDENT = 6;
const LABEL = 10;

interface Painter {
  chalk: ChalkInstance;
  width: number;
}

const indent = (lines: string[], by = BODY_INDENT): string[] => lines.map((line) => (line ? `${' '.repeat(by)}${line}` : line));

/** A body line wrapped inside the indented column; a label ("expected:") gets a hanging indent. */
const bodyLines = (text: string, { width }: Painter, label = ''): string[] => {
  const hang = label ? LABEL : 0;
  return indent(wrap(label ? `${label.padEnd(LABEL - 1)} ${text}` : text, Math.max(20, width - BODY_INDENT), hang));
};

/** "fix:" in colour, padded by its visible width (padEnd would count the colour codes). */
const fixLabel = (chalk: ChalkInstance): string => `${chalk.cyan('fix:')}${' '.repeat(LABEL - 5)}`;

const headOf = (status: FindingStatus, severity: string, rule: string, subject: string, { chalk }: Painter): string =>
  `  ${paint(chalk)[status](STATUS_WORD[status].padEnd(5))} ${chalk.dim(severity.padEnd(8))} ${rule} · ${chalk.bold(subject)}`;

const verdictLines = (finding: Finding, painter: Painter): string[] => {
  const { chalk } = painter;
  const lines = [
    headOf(finding.status, finding.severity, finding.rule, showInvisible(finding.subject), painter),
    ...bodyLines(finding.title, painter),
    ...bodyLines(showInvisible(finding.message), painter),
  ];
  if (finding.suppressed) {
    const until = finding.suppressed.until ? ` (until ${finding.suppressed.until})` : '';
    lines.push(...bodyLines(chalk.dim(`suppressed: ${finding.suppressed.reason}${until}`), painter));
  }
  if (finding.expected !== undefined) lines.push(...bodyLines(finding.expected, painter, 'expected:'));
  if (finding.found !== undefined) lines.push(...bodyLines(showInvisible(finding.found), painter, 'found:'));
  if (finding.fix) lines.push(...bodyLines(finding.fix, painter, fixLabel(chalk)));
  if (finding.tree) lines.push('', ...indent(treeLines(finding.tree)), '');
  if (finding.chart) lines.push('', ...indent(renderChart(finding.chart, painter.width - BODY_INDENT)), '');
  return lines;
};

/** A routine finding (a pass, a plain skip) in one line; many of one rule collapse into one. */
const routineLines = (group: RuleGroup, painter: Painter): string[] => {
  const { chalk } = painter;
  const first = group.findings[0]!;
  if (group.findings.length >= COLLAPSE_AT) {
    const head = headOf(group.status, first.severity, group.rule, `${group.findings.length} of ${group.total} subjects`, painter);
    return wrap(`${head} ${chalk.dim(`— ${first.title}`)}`, painter.width, BODY_INDENT);
  }
  return group.findings.flatMap((finding) => {
    const head = headOf(finding.status, finding.severity, finding.rule, showInvisible(finding.subject), painter);
    const chart = finding.chart ? ['', ...indent(renderChart(finding.chart, painter.width - BODY_INDENT)), ''] : [];
    return [...wrap(`${head} ${chalk.dim(`— ${showInvisible(finding.message)}`)}`, painter.width, BODY_INDENT), ...chart];
  });
};

/** Could-not-check findings under their cause: the cause and its fix once, then one line a rule. */
const causeBlock = (cause: string, findings: Finding[], all: readonly Finding[], painter: Painter): string[] => {
  const { chalk } = painter;
  const lines = wrap(`  ${paint(chalk).error('COULD NOT CHECK')} ${plural(findings.length)}: ${describeCause(cause)}`, painter.width, BODY_INDENT);
  if (findings[0]?.fix) lines.push(...bodyLines(findings[0].fix, painter, fixLabel(chalk)));
  for (const group of groupByRule(findings, all)) {
    const only = group.findings.length === 1 ? group.findings[0] : undefined;
    const head = `${paint(chalk).error(STATUS_WORD.error.padEnd(5))} ${chalk.dim(group.findings[0]!.severity.padEnd(8))} ${group.rule} · ${chalk.bold(someSubjects(group.findings))}`;
    lines.push(...indent(wrap(head, painter.width - 4, BODY_INDENT), 4));
    if (only) lines.push(...indent(bodyLines(chalk.dim(showInvisible(only.message)), painter), 2));
  }
  return lines;
};

const plural = (count: number): string => (count === 1 ? '1 finding' : `${count} findings`);

const isRoutine = (finding: Finding): boolean => finding.status === 'pass' || (finding.status === 'skip' && !finding.suppressed);

const sectionLines = (section: CheckSection, painter: Painter, context: RenderContext): string[] => {
  const { chalk } = painter;
  const { run, findings } = section;
  const heading = `${chalk.bold(run.title)} ${chalk.dim(`(${run.id})`)}`;
  if (run.state === 'skipped') return [...wrap(`${heading} — skipped: ${run.reason ?? ''}`, painter.width, 2)];
  const state = run.state === 'error' ? ` — ${chalk.magenta(`could not complete: ${run.reason ?? ''}`)}` : run.reason ? ` — ${chalk.yellow(run.reason)}` : '';
  const causes = [...findingsByCause(findings)].flatMap(([cause, grouped]) => causeBlock(cause, grouped, findings, painter));
  const verdicts = findings.filter((finding) => finding.status !== 'error' && !isRoutine(finding)).flatMap((finding) => verdictLines(finding, painter));
  const routine = context.quiet ? [] : groupByRule(findings.filter(isRoutine), findings).flatMap((group) => routineLines(group, painter));
  // A terminal has no room for the grid: its counts only; the failing rows are the verdicts above.
  const matrices = joinMatrices(findings).flatMap((matrix) => wrap(`  ${matrixCaption(matrix)}`, painter.width, 4));
  return [...wrap(`${heading} — ${countsLine(findings)}${state}`, painter.width, 2), ...matrices, ...causes, ...verdicts, ...routine, ''];
};

const suppressionLines = (report: Report, chalk: ChalkInstance): string[] => suppressionNotes(report).map((note) => chalk.yellow(note));

/** The report for a person at a terminal or reading a CI log: worst news first, each failure with its fix. */
export const renderTerminal = (report: Report, context: RenderContext): string => {
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const painter: Painter = { chalk, width: context.width };
  const lead = [
    ...report.notices.map((notice) => chalk.yellow.bold(notice)),
    ...report.summary.causes.map((group) => chalk.magenta(causeLine(group))),
  ].flatMap((line) => wrap(line, context.width, 2));
  const header = [
    ...wrap(chalk.bold(`q4check ${report.tool.version} — ${report.store.name}`) + chalk.dim(` (${report.profile})`), context.width, 2),
    ...wrap(`Peak: ${peakLine(report)} · today ${report.today} · fail on ${report.failOn}${report.preparedBy ? ` · prepared by ${report.preparedBy}` : ''}`, context.width, 2),
    ...(lead.length > 0 ? ['', ...lead] : []),
    '',
  ];
  const sections = sectionsOf(report);
  const ran = sections.filter((section) => section.run.state !== 'skipped');
  const skipped = sections.filter((section) => section.run.state === 'skipped');
  const body = [...ran.flatMap((section) => sectionLines(section, painter, context)), ...skipped.flatMap((section) => sectionLines(section, painter, context)), ''];
  const exitColour = report.summary.blocking > 0 || report.interrupted ? chalk.red.bold : chalk.green.bold;
  const footer = [...suppressionLines(report, chalk), '', `Summary: ${countsLine(report.findings)}`, ...wrap(exitColour(exitLine(report)), context.width, 2)];
  return `${[...header, ...body, ...footer].join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
};
