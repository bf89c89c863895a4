import type { Finding, Report } from '../engine/report.js';
import { causeKind } from '../engine/causes.js';
import { showInvisible } from './layout.js';
import { causeLine, sectionsOf, type CheckSection } from './text.js';

// XML 1.0 cannot carry most control characters at all, escaped or not.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (text: string): string =>
  text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const attributes = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([name, value]) => `${name}="${escapeXml(String(value))}"`)
    .join(' ');

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

const body = (finding: Finding): string =>
  [
    finding.title,
    finding.message,
    finding.cause ? `cause: ${finding.cause}` : '',
    finding.expected !== undefined ? `expected: ${finding.expected}` : '',
    finding.found !== undefined ? `found: ${finding.found}` : '',
    finding.evidence !== undefined ? `evidence: ${JSON.stringify(finding.evidence)}` : '',
    finding.fix ? `fix: ${finding.fix}` : '',
    finding.ref ? `reference: ${finding.ref}` : '',
  ]
    .filter(Boolean)
    .join('\n');

const testcase = (finding: Finding): string => {
  // The name is the same whatever the result, so CI keeps one history per rule and subject.
  const head = `    <testcase ${attributes({
    name: `${finding.rule} · ${showInvisible(finding.subject)}`,
    classname: finding.check,
  })}`;
  switch (finding.status) {
    case 'fail':
      return `${head}>\n      <failure ${attributes({ message: `[${finding.severity.toUpperCase()}] ${finding.title}`, type: finding.severity })}>${escapeXml(body(finding))}</failure>\n    </testcase>`;
    case 'error':
      return `${head}>\n      <error ${attributes({ message: finding.title, type: causeKind(finding.cause ?? 'check') })}>${escapeXml(body(finding))}</error>\n    </testcase>`;
    case 'skip':
      return `${head}>\n      <skipped ${attributes({ message: finding.suppressed ? `suppressed: ${finding.suppressed.reason}` : finding.message })}/>\n    </testcase>`;
    case 'warn':
      return `${head}>\n      <system-out>${escapeXml(`WARNING: ${body(finding)}`)}</system-out>\n    </testcase>`;
    case 'pass':
      return `${head}/>`;
  }
};

const count = (findings: Finding[], status: Finding['status']) => findings.filter((finding) => finding.status === status).length;

const suite = (section: CheckSection, properties: string): string => {
  const { run, findings } = section;
  const cases =
    run.state === 'skipped'
      ? [`    <testcase ${attributes({ name: run.title, classname: run.id })}>\n      <skipped ${attributes({ message: run.reason ?? 'skipped' })}/>\n    </testcase>`]
      : findings.map(testcase);
  const counts = {
    tests: cases.length,
    failures: count(findings, 'fail'),
    errors: count(findings, 'error'),
    skipped: run.state === 'skipped' ? 1 : count(findings, 'skip'),
  };
  return [`  <testsuite ${attributes({ name: run.id, ...counts, time: seconds(run.durationMs) })}>`, properties, ...cases, '  </testsuite>'].join('\n');
};

/** JUnit XML for CI test tabs: one suite per check, one case per (rule, subject); run options without secrets. */
export const renderJunit = (report: Report): string => {
  const options: [string, string][] = [
    ['profile', report.profile],
    ['store', report.store.name],
    ['today', report.today],
    ['peak', `${report.peak.start}..${report.peak.end}`],
    ['failOn', report.failOn],
    ['version', report.tool.version],
    ...report.notices.map((notice): [string, string] => ['notice', notice]),
    ...report.summary.causes.map((group): [string, string] => ['could-not-check', causeLine(group)]),
  ];
  const properties = [
    '    <properties>',
    ...options.map(([name, value]) => `      <property ${attributes({ name, value })}/>`),
    '    </properties>',
  ].join('\n');
  const sections = sectionsOf(report);
  const all = report.findings;
  const totals = {
    name: `q4check ${report.store.name}`,
    tests: sections.reduce((sum, section) => sum + (section.run.state === 'skipped' ? 1 : section.findings.length), 0),
    failures: count(all, 'fail'),
    errors: count(all, 'error'),
    skipped: count(all, 'skip') + sections.filter((section) => section.run.state === 'skipped').length,
    time: seconds(report.checks.reduce((sum, run) => sum + run.durationMs, 0)),
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes(totals)}>`,
    ...sections.map((section) => suite(section, properties)),
    '</testsuites>',
    '',
  ].join('\n');
};
