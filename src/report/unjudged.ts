import type { Format } from '../cli/outputs.js';
import { renderUnjudgedSarif } from './sarif.js';
import { escapeXml } from './junit.js';
import { escapeHtml } from './svg.js';

/**
 * A profile that could not be judged (it does not load, or is not valid): it still gets a report
 * where one was asked for, so a CI job's upload step and an agency's index show what is wrong.
 */
export interface UnjudgedProfile {
  profile: string;
  /** One line each, `file:line:col: field: problem`, as the terminal prints them. */
  problems: string[];
  toolVersion: string;
}

export const UNJUDGED_EXIT_CODE = 2;

/** The first problem, and how many more: what an index or a one-line summary shows. */
export const problemLine = (unjudged: UnjudgedProfile): string => {
  const [first = 'is not a valid profile', ...rest] = unjudged.problems;
  return rest.length === 0 ? first : `${first} (and ${rest.length} more)`;
};

export const unjudgedVerdict = (unjudged: UnjudgedProfile): string => `could not be judged: ${problemLine(unjudged)}`;

/** The JSON report of a profile that could not be judged: the report's header, its problems, exit code 2. */
export const unjudgedDocument = (unjudged: UnjudgedProfile) => ({
  schemaVersion: 1,
  tool: { name: 'q4check', version: unjudged.toolVersion },
  profile: unjudged.profile,
  judged: false,
  problems: unjudged.problems,
  summary: { exitCode: UNJUDGED_EXIT_CODE, verdict: unjudgedVerdict(unjudged) },
});

const json = (unjudged: UnjudgedProfile): string => `${JSON.stringify(unjudgedDocument(unjudged), null, 2)}\n`;

/** One suite, one error testcase naming the problem: CI shows a red test, not a missing file. */
const junit = (unjudged: UnjudgedProfile): string => {
  const name = escapeXml(`profile · ${unjudged.profile}`);
  const message = escapeXml(problemLine(unjudged));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<testsuites name="q4check" tests="1" failures="0" errors="1" skipped="0">',
    '  <testsuite name="profile" tests="1" failures="0" errors="1" skipped="0">',
    `    <testcase classname="profile" name="${name}">`,
    `      <error type="profile" message="${message}">${escapeXml(unjudged.problems.join('\n'))}</error>`,
    '    </testcase>',
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};

const terminal = (unjudged: UnjudgedProfile): string =>
  [`q4check: ${unjudged.profile} could not be judged`, ...unjudged.problems.map((line) => `  ${line}`), '', `Exit code ${UNJUDGED_EXIT_CODE}: the profile could not be judged.`, ''].join('\n');

const markdown = (unjudged: UnjudgedProfile): string =>
  [`## ⛔ q4check: \`${unjudged.profile}\` could not be judged`, '', ...unjudged.problems.map((line) => `- \`${line.replace(/`/g, "'")}\``), '', `**Exit code ${UNJUDGED_EXIT_CODE}:** the profile could not be judged.`, ''].join('\n');

const html = (unjudged: UnjudgedProfile): string =>
  `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(`q4check: ${unjudged.profile} could not be judged`)}</title></head>\n<body>\n<h1>${escapeHtml(unjudged.profile)} could not be judged</h1>\n<ul>${unjudged.problems.map((line) => `<li><code>${escapeHtml(line)}</code></li>`).join('')}</ul>\n<p><strong>Exit code ${UNJUDGED_EXIT_CODE}:</strong> the profile could not be judged.</p>\n</body>\n</html>\n`;

const sarif = (unjudged: UnjudgedProfile): string => renderUnjudgedSarif(unjudged.profile, unjudged.problems);

export const unjudgedRenderers: Readonly<Record<Format, (unjudged: UnjudgedProfile) => string>> = { terminal, json, junit, markdown, html, sarif };
