import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Matrix, MatrixTone } from '../../src/engine/define-check.js';
import type { Finding, Report } from '../../src/engine/report.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { joinMatrices, matrixCaption } from '../../src/report/matrix.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { ROOT } from '../helpers/cli.js';

const golden = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/golden/report.json'), 'utf8')) as Report;
const COLUMNS = ['honoured', 'ignored', 'wrong reply', 'could not check'];

const keywordRow = (label: string, cells: Matrix['rows'][number]['cells']): Matrix => ({ title: 'Keyword replies', rowHeader: 'Keyword', columns: COLUMNS, rows: [{ label, cells }] });

const sms = golden.findings.find((finding) => finding.check === 'sms-routing' && finding.matrix)!;

/** The golden report with its sms-routing findings replaced by these three, each with its matrix row. */
const withRows = (): Report => {
  const findings: Finding[] = [
    { ...sms, status: 'fail', subject: 'STOP', matrix: keywordRow('STOP', [{ text: '"STOP"', tone: 'pass' }, { text: '"stop" " stop! "', tone: 'fail' }, null, null]) },
    { ...sms, status: 'pass', subject: 'START', matrix: keywordRow('<b>START</b>', [{ text: '✓', tone: 'pass' }, null, null, null]) },
    { ...sms, status: 'error', subject: 'HELP', matrix: keywordRow('HELP', [null, null, null, { text: '?', tone: 'error' }]) },
  ];
  return { ...golden, findings: [...golden.findings.filter((finding) => finding.check !== 'sms-routing'), ...findings] };
};

describe('matrices joined across a check', () => {
  it('rows of matrices with the same title and columns become one table, in the findings\' order', () => {
    const [joined, ...others] = joinMatrices(withRows().findings.filter((finding) => finding.check === 'sms-routing'));
    expect(others).toEqual([]);
    expect(joined!.rows.map((row) => row.label)).toEqual(['STOP', '<b>START</b>', 'HELP']);
    expect(matrixCaption(joined!)).toBe('Keyword replies, 3 keywords: 2 honoured · 1 ignored · 1 could not check');
  });

  it('another title is another table; a table where nothing was judged is left out', () => {
    const latency: Matrix = { title: 'Step latency', rowHeader: 'Step', columns: ['p50', 'p95'], rows: [{ label: 'cart', cells: [{ text: '80 ms' }, { text: '310 ms', tone: 'warn' }] }] };
    const unjudged = keywordRow('HELP', [null, null, null, { text: '?', tone: 'error' }]);
    const findings = [{ ...sms, matrix: latency }, { ...sms, matrix: unjudged }];
    expect(joinMatrices(findings).map((matrix) => matrix.title)).toEqual(['Step latency']);
  });

  it('a grid whose rows fill every column measures rather than sorts: its rows are counted by their worst cell', () => {
    const step = (label: string, p95: MatrixTone, p99: MatrixTone): Matrix['rows'][number] => ({ label, cells: [{ text: '40 ms' }, { text: '1 s', tone: p95 }, { text: '2 s', tone: p99 }, { text: '12' }] });
    const latency: Matrix = { title: 'Latency of journey native', rowHeader: 'Step', columns: ['p50', 'p95', 'p99', 'requests'], rows: [step('cart', 'pass', 'fail'), step('pay', 'pass', 'pass'), step('view', 'fail', 'fail')] };
    expect(matrixCaption(latency)).toBe('Latency of journey native, 3 steps: 2 fail · 1 pass');
    // One empty cell makes it a grid of outcomes again, counted by column.
    const sparse: Matrix = { ...latency, rows: [...latency.rows, { label: 'late', cells: [null, { text: '1 s', tone: 'pass' }, null, null] }] };
    expect(matrixCaption(sparse)).toBe('Latency of journey native, 4 steps: 3 p50 · 4 p95 · 3 p99 · 3 requests');
  });

  it('the golden report carries one row per keyword verdict of sms-routing, every keyword honoured', () => {
    const [matrix] = joinMatrices(golden.findings.filter((finding) => finding.check === 'sms-routing'));
    expect(matrix!.rows.length).toBe(golden.findings.filter((finding) => finding.check === 'sms-routing' && finding.matrix).length);
    expect(matrixCaption(matrix!)).toMatch(/^Keyword replies, \d+ keywords: \d+ honoured$/);
  });
});

describe('the keyword matrix in each format', () => {
  const report = withRows();

  it('HTML: a table with scoped headers, coloured cells whose text says it all, and escaped labels', () => {
    const table = /<table class="matrix">[\s\S]*?<\/table>/.exec(renderHtml(report))![0];
    expect(XMLValidator.validate(table)).toBe(true);
    expect(table).toContain('<caption>Keyword replies, 3 keywords: 2 honoured · 1 ignored · 1 could not check</caption>');
    expect(table).toContain('<th scope="col">Keyword</th><th scope="col">honoured</th>');
    expect(table).toContain('<tr><th scope="row">STOP</th><td class="tone-pass">&quot;STOP&quot;</td><td class="tone-fail">&quot;stop&quot; &quot; stop! &quot;</td><td></td><td></td></tr>');
    expect(table).toContain('<th scope="row">&lt;b&gt;START&lt;/b&gt;</th>');
    expect(table).not.toContain('<b>');
  });

  it('Markdown: a table, each filled cell led by its status icon', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**Keyword replies, 3 keywords: 2 honoured · 1 ignored · 1 could not check**\n\n| Keyword | honoured | ignored | wrong reply | could not check |\n|---|---|---|---|---|');
    expect(markdown).toContain('| STOP | ✅ "STOP" | ❌ "stop" " stop! " |  |  |');
    expect(markdown).toContain('| HELP |  |  |  | ⚠️ ? |');
  });

  it('terminal: the counts only, under the check\'s heading', () => {
    const text = renderTerminal(report, { color: false, width: 100, quiet: true });
    const heading = text.split('\n').findIndex((line) => line.startsWith('SMS keyword routing (sms-routing)'));
    expect(text.split('\n')[heading + 1]).toBe('  Keyword replies, 3 keywords: 2 honoured · 1 ignored · 1 could not check');
    expect(text).not.toContain('| STOP');
  });
});
