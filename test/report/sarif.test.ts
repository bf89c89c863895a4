import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import type { Report } from '../../src/engine/report.js';
import { renderers } from '../../src/report/index.js';
import { lineOfSubject, renderUnjudgedSarif } from '../../src/report/sarif.js';
import { ROOT } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
// A CommonJS module whose class is module.exports itself; under NodeNext its type sits two defaults deep.
const Ajv = require('ajv-draft-04') as typeof AjvDraft04.default.default;
// The SARIF 2.1.0 schema as Microsoft's own SARIF test matchers ship it (MIT).
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);

const golden = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/golden/report.json'), 'utf8')) as Report;
const profileText = readFileSync(path.join(ROOT, golden.profile), 'utf8');
const CONTEXT = { color: false, width: 100, quiet: false, profileText };
const sarifOf = (report: Report): Log => JSON.parse(renderers.sarif(report, CONTEXT)) as Log;

describe('SARIF', () => {
  it('is valid SARIF 2.1.0, for a judged report and for a profile that could not be loaded', () => {
    expect(validate(sarifOf(golden)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(JSON.parse(renderUnjudgedSarif('store.yaml', ['store.yaml:3:5: store.timezone: is required']))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reports failures and warnings as fail, could-not-check as open, and nothing that passed', () => {
    const results = sarifOf(golden).runs[0]!.results!;
    const acted = golden.findings.filter((finding) => ['fail', 'warn', 'error'].includes(finding.status));
    expect(results).toHaveLength(acted.length);
    expect(results.filter((result) => result.kind === 'open').map((result) => result.ruleId)).toEqual(['inventory-feed/reachable']);
    expect(results.every((result) => result.kind === 'open' ? result.level === 'none' : result.level !== 'none')).toBe(true);
  });

  it('points each result at the profile line where its subject is configured', () => {
    const lines = profileText.split('\n');
    const results = sarifOf(golden).runs[0]!.results!;
    const ipResult = results.find((result) => result.ruleId === 'email-auth/reverse-dns');
    const line = ipResult?.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
    expect(lines[line - 1]).toContain('198.51.100.11');
    // The suppression above the checks names the same IP: the result points at where it is configured.
    expect(lines.slice(0, line - 1).some((text) => /^checks\s*:/.test(text))).toBe(true);
  });

  it.each([
    ['198.51.100.11 → bounce.acme.example', 'sendingIps: [198.51.100.10, 198.51.100.11]', 2],
    ['nothing.example', 'nothing here', 1],
  ])('finds %s in the profile', (subject, text, expected) => {
    expect(lineOfSubject(`version: 1\n${text}\n`, { check: 'email-auth', subject })).toBe(expected);
  });

  it('keeps a stable fingerprint per store, rule and subject', () => {
    const fingerprints = sarifOf(golden).runs[0]!.results!.map((result) => result.partialFingerprints?.q4checkFinding);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(fingerprints[0]).toMatch(/^Golden Goods\|[a-z-]+\/[a-z-]+\|/);
  });
});
