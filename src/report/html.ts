import type { Matrix } from '../engine/define-check.js';
import type { Finding, Report } from '../engine/report.js';
import { SEVERITIES } from '../engine/severity.js';
import { findingsByCause, groupByRule, showInvisible, someSubjects } from './layout.js';
import { joinMatrices, matrixCaption } from './matrix.js';
import { LIGHT_CSS, lightDot, lightOf, type Light } from './store-index.js';
import { escapeHtml as h, lineChartSvg, treeSvg } from './svg.js';
import { causeLine, countsLine, exitLine, peakLine, sectionsOf, STATUS_WORD, suppressionNotes, type CheckSection } from './text.js';

const LIGHT_WORD: Record<Light, string> = { fail: 'failing', error: 'could not check', warn: 'to look at', pass: 'passing', skipped: 'not run' };

// Print-first and offline: system fonts only, nothing fetched, a page per check on paper.
const STYLE = `
:root { --fail: #b42318; --error: #9a6700; --warn: #b08800; --pass: #1a7f37; --skip: #6e7781; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; margin: 0 auto; max-width: 980px; padding: 24px; }
header { border-bottom: 3px solid #1f2328; margin-bottom: 16px; }
h1 { margin: 0 0 4px; font-size: 26px; } h2 { margin-top: 28px; border-bottom: 1px solid var(--line); } h3 { margin: 18px 0 6px; }
.meta { color: #57606a; margin: 4px 0 12px; }
.verdict { font-weight: 600; padding: 8px 12px; border-left: 6px solid var(--pass); background: #f6f8fa; }
.verdict.failing { border-color: var(--fail); }
.notice { border-left: 6px solid var(--warn); padding: 6px 12px; background: #fff8c5; margin: 8px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: 4px 8px; }
.light { font-weight: 600; white-space: nowrap; }
${LIGHT_CSS}
.status-fail, .light-fail { color: var(--fail); } .status-error, .light-error { color: var(--error); }
.status-warn, .light-warn { color: var(--warn); } .status-pass, .light-pass { color: var(--pass); } .status-skip, .light-skipped { color: var(--skip); }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--line); border-radius: 4px; padding: 8px 12px; margin: 8px 0; break-inside: avoid; }
.finding.fail { border-left-color: var(--fail); } .finding.warn { border-left-color: var(--warn); } .finding.skip { border-left-color: var(--skip); }
.finding h4 { margin: 0 0 4px; font-size: 15px; } .finding p { margin: 4px 0; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
figure { margin: 8px 0; } figcaption { color: #57606a; font-size: 12px; }
table.matrix { width: auto; break-inside: auto; } table.matrix caption { text-align: left; color: #57606a; font-size: 12px; }
table.matrix td { min-width: 6em; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.tone-pass { background: #dafbe1; } .tone-warn { background: #fff8c5; } .tone-fail { background: #ffebe9; } .tone-error { background: #fff1e5; }
details { margin: 8px 0; } summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 32px; border-top: 1px solid var(--line); color: #57606a; font-size: 12px; }
@page { size: A4; margin: 16mm; }
@media print { body { max-width: none; padding: 0; } section.check { break-before: page; } details > * { display: block; } a { color: inherit; } }
`;

const text = (value: string): string => h(showInvisible(value));

const summaryTable = (report: Report): string => {
  const rows = report.checks.map((run) => {
    const light = lightOf(report, run.id, run.state);
    const findings = report.findings.filter((finding) => finding.check === run.id);
    return `<tr><td class="light light-${light}">${lightDot(light)} ${LIGHT_WORD[light]}</td><td><a href="#check-${h(run.id)}">${h(run.title)}</a> <code>${h(run.id)}</code></td><td>${h(run.state === 'skipped' ? `Skipped: ${run.reason ?? ''}` : countsLine(findings))}</td></tr>`;
  });
  return `<table class="summary"><thead><tr><th>Light</th><th>Check</th><th>Findings</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
};

/** Failures and could-not-check findings by severity: how bad, and how much is unknown. */
const severityTable = (report: Report): string => {
  const count = (status: Finding['status'], severity: string) => report.findings.filter((finding) => finding.status === status && finding.severity === severity).length;
  const rows = SEVERITIES.map((severity) => `<tr><td>${severity}</td><td class="status-fail">${count('fail', severity)}</td><td class="status-error">${count('error', severity)}</td></tr>`);
  return `<table class="severities"><thead><tr><th>Severity</th><th>Failures</th><th>Could not check</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
};

const figures = (finding: Finding): string => {
  const drawn = [finding.chart ? `<figure>${lineChartSvg(finding.chart)}<figcaption>${h(finding.chart.title)}</figcaption></figure>` : '', finding.tree ? `<figure>${treeSvg(finding.tree)}<figcaption>${h(finding.tree.label)}</figcaption></figure>` : ''];
  return drawn.join('');
};

/**
 * A matrix as a table of coloured cells whose text says it all without the colour: printed in black and
 * white or read aloud (row and column headers scoped), it still tells which keyword met which outcome.
 */
const matrixTable = (matrix: Matrix): string => {
  const head = [matrix.rowHeader, ...matrix.columns].map((column) => `<th scope="col">${h(column)}</th>`).join('');
  const rows = matrix.rows.map(({ label, cells }) => {
    const tds = matrix.columns.map((_, index) => {
      const cell = cells[index];
      return cell ? `<td${cell.tone ? ` class="tone-${cell.tone}"` : ''}>${text(cell.text)}</td>` : '<td></td>';
    });
    return `<tr><th scope="row">${text(label)}</th>${tds.join('')}</tr>`;
  });
  return `<table class="matrix"><caption>${h(matrixCaption(matrix))}</caption><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
};

const findingCard = (finding: Finding): string => {
  const parts = [
    `<h4><span class="status-${finding.status}">${STATUS_WORD[finding.status]}</span> <span class="severity">[${finding.severity}]</span> ${h(finding.title)}</h4>`,
    `<p><code>${h(finding.rule)}</code> · ${text(finding.subject)}</p>`,
    `<p>${text(finding.message)}</p>`,
    finding.expected !== undefined ? `<p><strong>Expected:</strong> ${text(finding.expected)}</p>` : '',
    finding.found !== undefined ? `<p><strong>Found:</strong> ${text(finding.found)}</p>` : '',
    finding.evidence !== undefined ? `<details><summary>Evidence</summary><pre>${h(JSON.stringify(finding.evidence, null, 2))}</pre></details>` : '',
    finding.suppressed ? `<p><strong>Suppressed:</strong> ${h(finding.suppressed.reason)}${finding.suppressed.until ? ` (until ${h(finding.suppressed.until)})` : ''}</p>` : finding.fix ? `<p><strong>Fix:</strong> ${h(finding.fix)}</p>` : '',
    finding.ref ? `<p class="ref">Reference: ${h(finding.ref)}</p>` : '',
    figures(finding),
  ];
  return `<article class="finding ${finding.status}">${parts.join('')}</article>`;
};

const causeBlocks = (errors: Finding[], all: Finding[]): string =>
  [...findingsByCause(errors)]
    .map(([cause, grouped]) => {
      const rows = groupByRule(grouped, all).map((group) => `<tr><td>${group.findings[0]!.severity}</td><td><code>${h(group.rule)}</code></td><td>${text(someSubjects(group.findings, 8))}</td></tr>`);
      return `<article class="finding error"><h4 class="status-error">${h(causeLine({ cause, count: grouped.length }))}</h4><p>${h(grouped[0]?.fix ?? '')}</p><table><tbody>${rows.join('')}</tbody></table></article>`;
    })
    .join('');

const passedRows = (passed: Finding[], all: Finding[]): string =>
  groupByRule(passed, all)
    .map((group) => `<tr><td><code>${h(group.rule)}</code></td><td>${text(someSubjects(group.findings, 8))}</td><td>${h(group.findings[0]!.title)}</td></tr>`)
    .join('');

const checkSection = ({ run, findings }: CheckSection): string => {
  const heading = `<h2>${h(run.title)} <code>${h(run.id)}</code></h2>`;
  if (run.state === 'skipped') return `<section class="check" id="check-${h(run.id)}">${heading}<p>Skipped: ${h(run.reason ?? '')}</p></section>`;
  const errors = findings.filter((finding) => finding.status === 'error');
  const notable = findings.filter((finding) => finding.status !== 'pass' && finding.status !== 'error');
  const passed = findings.filter((finding) => finding.status === 'pass');
  const state = run.state === 'error' ? `<p class="status-error">Could not complete: ${h(run.reason ?? '')}</p>` : run.reason ? `<p>Note: ${h(run.reason)}</p>` : '';
  const folded = passed.length > 0 ? `<details><summary>${passed.length} passed</summary><table><tbody>${passedRows(passed, findings)}</tbody></table>${passed.map(figures).join('')}</details>` : '';
  const matrices = joinMatrices(findings).map(matrixTable).join('');
  return `<section class="check" id="check-${h(run.id)}">${heading}<p>${h(countsLine(findings))}</p>${state}${causeBlocks(errors, findings)}${notable.map(findingCard).join('')}${matrices}${folded}</section>`;
};

/** The store's logo, inlined: only a data URI of an image is ever put in `src`. */
const logoOf = (report: Report): string =>
  report.logo && /^data:image\/(svg\+xml|png);base64,[A-Za-z0-9+/=]+$/.test(report.logo) ? `<img class="logo" src="${report.logo}" alt="" height="48">\n` : '';

/** A self-contained page an agency hands a client: inline CSS and SVG, no script, nothing fetched, printable. */
export const renderHtml = (report: Report): string => {
  const failing = report.summary.blocking > 0 || report.interrupted;
  const lead = [...report.notices, ...report.summary.causes.map(causeLine), ...suppressionNotes(report)].map((line) => `<p class="notice">${h(line)}</p>`).join('');
  const meta = [`Peak: ${peakLine(report)}`, `judged ${report.today}`, `fail on ${report.failOn}`, report.preparedBy ? `prepared by ${report.preparedBy}` : ''].filter(Boolean);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(`q4check: ${report.store.name} — ${report.peak.name}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
${logoOf(report)}<h1>${h(report.store.name)}</h1>
<p class="meta">${meta.map(h).join(' · ')}</p>
</header>
<main>
<p class="verdict${failing ? ' failing' : ''}">${h(exitLine(report))} ${h(countsLine(report.findings))}.</p>
${lead}
${summaryTable(report)}
${severityTable(report)}
${sectionsOf(report).map(checkSection).join('\n')}
</main>
<footer><p>q4check ${h(report.tool.version)} · profile ${h(report.profile)} · judged ${h(report.today)}</p></footer>
</body>
</html>
`;
};
