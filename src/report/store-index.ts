import type { Report } from '../engine/report.js';
import { isAtOrAbove } from '../engine/severity.js';
import { escapeHtml } from './svg.js';
import { UNJUDGED_EXIT_CODE, unjudgedVerdict, type UnjudgedProfile } from './unjudged.js';

/** A check at a glance: blocking failure, could not check, something to look at, all good, not run. */
export type Light = 'fail' | 'error' | 'warn' | 'pass' | 'skipped';

export interface IndexEntry {
  store: string;
  profile: string;
  /** False when the profile could not be loaded: no check ran. */
  judged: boolean;
  exitCode: number;
  verdict: string;
  failures: number;
  couldNotCheck: number;
  checks: { id: string; light: Light }[];
  /** The files written for this store, relative to the index. */
  reports: string[];
}

export type Judged = Report | UnjudgedProfile;

export const isUnjudged = (result: Judged): result is UnjudgedProfile => 'problems' in result;

export const lightOf = (report: Report, id: string, state: Report['checks'][number]['state']): Light => {
  if (state === 'skipped') return 'skipped';
  const findings = report.findings.filter((finding) => finding.check === id);
  if (findings.some((finding) => finding.status === 'fail' && isAtOrAbove(finding.severity, report.failOn))) return 'fail';
  if (state === 'error' || findings.some((finding) => finding.status === 'error')) return 'error';
  if (findings.some((finding) => finding.status === 'fail' || finding.status === 'warn')) return 'warn';
  return 'pass';
};

export const indexEntry = (result: Judged, reports: string[]): IndexEntry => {
  if (isUnjudged(result)) {
    return { store: result.profile, profile: result.profile, judged: false, exitCode: UNJUDGED_EXIT_CODE, verdict: unjudgedVerdict(result), failures: 0, couldNotCheck: 0, checks: [], reports };
  }
  return {
    store: result.store.name,
    profile: result.profile,
    judged: true,
    exitCode: result.interrupted ? UNJUDGED_EXIT_CODE : result.summary.exitCode,
    verdict: result.summary.verdict,
    failures: result.summary.counts.fail,
    couldNotCheck: result.summary.counts.error,
    checks: result.checks.map((run) => ({ id: run.id, light: lightOf(result, run.id, run.state) })),
    reports,
  };
};

/** Worst first: could not be judged, then the most failures, then the most could-not-check; ties by name. */
export const worstFirst = (entries: readonly IndexEntry[]): IndexEntry[] =>
  [...entries].sort((a, b) => b.exitCode - a.exitCode || b.failures - a.failures || b.couldNotCheck - a.couldNotCheck || a.store.localeCompare(b.store));

export const renderIndexJson = (entries: readonly IndexEntry[], toolVersion: string): string =>
  `${JSON.stringify({ schemaVersion: 1, tool: { name: 'q4check', version: toolVersion }, exitCode: Math.max(0, ...entries.map((e) => e.exitCode)), stores: worstFirst(entries) }, null, 2)}\n`;

export const LIGHT_ICON: Record<Light, string> = { fail: '🔴', error: '⚠️', warn: '🟡', pass: '🟢', skipped: '⚪' };
const EXIT_ICON = ['✅', '❌', '⛔'];

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export const renderIndexMarkdown = (entries: readonly IndexEntry[]): string => {
  const checkIds = [...new Set(entries.flatMap((entry) => entry.checks.map((check) => check.id)))];
  const unjudged = entries.filter((entry) => !entry.judged).length;
  const lines = [
    `## q4check: ${entries.length === 1 ? '1 store' : `${entries.length} stores`}${unjudged > 0 ? `, ${unjudged} could not be judged` : ''}`,
    '',
    `Lights: ${LIGHT_ICON.fail} failure at or above the threshold · ${LIGHT_ICON.error} could not check · ${LIGHT_ICON.warn} warning or lesser failure · ${LIGHT_ICON.pass} passed · ${LIGHT_ICON.skipped} not run`,
    '',
    `| | Store | ${checkIds.map((id) => `\`${id}\``).join(' | ')} | Verdict | Report |`,
    `|---|---|${checkIds.map(() => '---|').join('')}---|---|`,
    ...worstFirst(entries).map((entry) => {
      const lights = checkIds.map((id) => {
        const check = entry.checks.find((candidate) => candidate.id === id);
        return check === undefined ? '—' : LIGHT_ICON[check.light];
      });
      const links = entry.reports.map((file) => `[${file.split('.').at(-1)}](${encodeURI(file)})`).join(' · ');
      return `| ${EXIT_ICON[entry.exitCode] ?? '⛔'} | ${cell(entry.store)} | ${lights.join(' | ')} | ${cell(entry.verdict)} | ${links} |`;
    }),
    '',
  ];
  return lines.join('\n');
};

/** Traffic lights drawn by CSS: emoji need a colour font that a printer or a bare machine may lack. */
export const lightDot = (light: Light): string => `<span class="dot dot-${light}" title="${light}"></span>`;

export const LIGHT_CSS = `.dot { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; vertical-align: -0.05em; border: 1px solid #57606a; }
.dot-fail { background: #b42318; } .dot-error { background: #9a6700; } .dot-warn { background: #eac54f; } .dot-pass { background: #1a7f37; } .dot-skipped { background: #fff; }
@media print { .dot { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }`;

/** The agency's front page: every store with its lights, worst first, each linking to its reports. */
export const renderIndexHtml = (entries: readonly IndexEntry[], toolVersion: string): string => {
  const checkIds = [...new Set(entries.flatMap((entry) => entry.checks.map((check) => check.id)))];
  const rows = worstFirst(entries).map((entry) => {
    const lights = checkIds.map((id) => {
      const light = entry.checks.find((check) => check.id === id)?.light;
      return `<td class="light">${light === undefined ? '—' : lightDot(light)}</td>`;
    });
    const links = entry.reports.map((file) => `<a href="${escapeHtml(encodeURI(file))}">${escapeHtml(file.split('.').at(-1) ?? file)}</a>`).join(' · ');
    return `<tr class="exit-${entry.exitCode}"><td>${entry.exitCode}</td><td>${escapeHtml(entry.store)}</td>${lights.join('')}<td>${escapeHtml(entry.verdict)}</td><td>${links}</td></tr>`;
  });
  const head = checkIds.map((id) => `<th><code>${escapeHtml(id)}</code></th>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>q4check: ${entries.length} stores</title>
<style>body { font: 14px/1.45 system-ui, sans-serif; max-width: 1100px; margin: 0 auto; padding: 24px; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; border-bottom: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; } .exit-2 td, .exit-1 td:nth-child(2) { font-weight: 600; }
${LIGHT_CSS}</style>
</head>
<body>
<h1>q4check: ${entries.length === 1 ? '1 store' : `${entries.length} stores`}</h1>
<p>${lightDot('fail')} failure at or above the threshold · ${lightDot('error')} could not check · ${lightDot('warn')} warning or lesser failure · ${lightDot('pass')} passed · ${lightDot('skipped')} not run</p>
<table><thead><tr><th>Exit</th><th>Store</th>${head}<th>Verdict</th><th>Reports</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<footer><p>q4check ${escapeHtml(toolVersion)}</p></footer>
</body>
</html>
`;
};
