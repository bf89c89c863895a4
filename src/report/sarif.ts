import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding, Report } from '../engine/report.js';
import type { Severity } from '../engine/severity.js';
import type { RenderContext } from './text.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Code scanning shows `error` as a red alert: the severities that fail a run by default. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** Only what needs acting on: failures and warnings as `fail`, could-not-check as `open` (the tool could not decide). */
const isReported = (finding: Finding): boolean => finding.status === 'fail' || finding.status === 'warn' || finding.status === 'error';

/**
 * The profile line where a subject is configured: the first line naming the subject, or one of its parts
 * ("198.51.100.11 → bounce.acme.example" is found at the IP); else the check's section; else line 1.
 */
export const lineOfSubject = (profileText: string | undefined, finding: Pick<Finding, 'check' | 'subject'>): number => {
  if (!profileText) return 1;
  const lines = profileText.split('\n');
  // Where the subject is configured, not where a suppression or a comment names it.
  const checksAt = Math.max(0, lines.findIndex((line) => /^checks\s*:/.test(line)));
  const configured = (line: string, at: number) => at >= checksAt && !line.trimStart().startsWith('#');
  const parts = [finding.subject, ...finding.subject.split(/\s+(?:→|rua|ruf)\s+|\s+/)].filter((part) => part.length >= 3);
  for (const part of parts) {
    const at = lines.findIndex((line, index) => configured(line, index) && line.includes(part));
    if (at >= 0) return at + 1;
  }
  const section = lines.findIndex((line) => new RegExp(`^\\s*${finding.check.replace(/[-]/g, '\\-')}\\s*:`).test(line));
  return section >= 0 ? section + 1 : 1;
};

const ruleOf = (finding: Finding): ReportingDescriptor => ({
  id: finding.rule,
  shortDescription: { text: finding.status === 'error' ? finding.title.replace(/^Could not check: /, '') : finding.title },
  ...(finding.ref ? { help: { text: `Reference: ${finding.ref}` } } : {}),
  defaultConfiguration: { level: LEVEL[finding.severity] },
});

const resultOf = (report: Report, finding: Finding, profileText: string | undefined): Result => {
  const text = [finding.title, finding.message, finding.cause ? `Cause: ${finding.cause}` : '', finding.fix ? `Fix: ${finding.fix}` : '']
    .filter(Boolean)
    .join('\n');
  const located = {
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: report.profile.split('\\').join('/') }, region: { startLine: lineOfSubject(profileText, finding) } },
        message: { text: finding.subject },
      },
    ],
    // Stable across runs, as code scanning matches alerts by it: the same keys suppressions and baselines use.
    partialFingerprints: { q4checkFinding: `${report.store.name}|${finding.rule}|${finding.subject}` },
  };
  if (finding.status === 'error') return { ruleId: finding.rule, kind: 'open', level: 'none', message: { text }, ...located };
  return { ruleId: finding.rule, kind: 'fail', level: finding.status === 'warn' ? 'warning' : LEVEL[finding.severity], message: { text }, ...located };
};

/** SARIF 2.1.0 for GitHub code scanning: each finding to act on, at the profile line of its subject. */
export const renderSarif = (report: Report, context: RenderContext): string => {
  const reported = report.findings.filter(isReported);
  const rules = [...new Map(reported.map((finding) => [finding.rule, ruleOf(finding)])).values()];
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'q4check', version: report.tool.version, informationUri: 'https://www.npmjs.com/package/q4check', rules } },
        automationDetails: { id: `q4check/${report.store.name}/` },
        results: reported.map((finding) => resultOf(report, finding, context.profileText)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

/** A profile that could not be loaded: one result at its first problem, so the upload step has something to show. */
export const renderUnjudgedSarif = (profile: string, problems: readonly string[]): string => {
  const line = Number(/:(\d+):\d+:/.exec(problems[0] ?? '')?.[1] ?? 1);
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'q4check', rules: [{ id: 'profile', shortDescription: { text: 'The profile can be loaded' } }] } },
        results: [
          {
            ruleId: 'profile',
            kind: 'fail',
            level: 'error',
            message: { text: problems.join('\n') },
            locations: [{ physicalLocation: { artifactLocation: { uri: profile.split('\\').join('/') }, region: { startLine: line } } }],
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
