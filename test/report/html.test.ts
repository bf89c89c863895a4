import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../src/engine/define-check.js';
import type { Report } from '../../src/engine/report.js';
import { renderHtml } from '../../src/report/html.js';
import { lineChartSvg, treeSvg } from '../../src/report/svg.js';
import { ROOT } from '../helpers/cli.js';

const golden = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/golden/report.json'), 'utf8')) as Report;
const html = renderHtml(golden);
const svgs = (page: string) => page.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

describe('the HTML report', () => {
  it('is self-contained: no script, no stylesheet, font or image fetched, and a policy that forbids any', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\ssrc=|href="(?!#)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it('is branded: store, peak and dates, prepared by, the date judged and the version', () => {
    const header = html.slice(0, html.indexOf('</header>'));
    for (const text of ['Golden Goods', 'Black Friday 2026, 2026-11-27 to 2026-11-30', 'judged 2026-11-20', 'prepared by Platform team &lt;platform@golden.example&gt;']) expect(header).toContain(text);
    expect(html).toContain(`q4check ${golden.tool.version}`);
  });

  it('puts the summary first: a light per check and failures and could-not-check by severity, then each check', () => {
    const summary = html.indexOf('class="summary"');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('class="severities"'));
    expect(html.indexOf('class="severities"')).toBeLessThan(html.indexOf('<section class="check"'));
    expect(html.match(/<td class="light light-(fail|error|warn|pass|skipped)">/g)).toHaveLength(golden.checks.length);
    expect(html).toContain('<tr><td>high</td><td class="status-fail">');
  });

  it('folds passing rows and shows every failure with its fix', () => {
    const passed = golden.findings.filter((finding) => finding.check === 'email-auth' && finding.status === 'pass').length;
    expect(html).toContain(`<details><summary>${passed} passed</summary>`);
    for (const finding of golden.findings.filter((f) => f.status === 'fail' && !f.suppressed)) expect(html).toContain(`<strong>Fix:</strong> ${finding.fix!.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}`);
  });

  it('draws the warm-up ramp with its peak line and the SPF tree, each with content and well-formed', () => {
    const drawn = svgs(html);
    expect(drawn).toHaveLength(golden.findings.filter((finding) => finding.chart).length + golden.findings.filter((finding) => finding.tree).length);
    for (const svg of drawn) {
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).toMatch(/<polyline [^>]*points="\d|<text /);
    }
    expect(drawn.find((svg) => svg.includes('class="chart"'))).toContain('stroke-dasharray');
  });

  it('escapes what a store controls, so no subject becomes markup', () => {
    const hostile = { ...golden, findings: [{ ...golden.findings[0]!, subject: '<img src=x onerror=alert(1)>', status: 'fail' as const }] };
    const page = renderHtml(hostile);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('prints to A4 with a page per check', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain("@media print { body { max-width: none; padding: 0; } section.check { break-before: page; }");
  });
});

describe('inline SVG figures', () => {
  it('a tree has one label per node and one elbow per child', () => {
    const tree: TreeNode = { label: 'a', note: '3 lookups', children: [{ label: 'b', children: [{ label: 'c' }] }, { label: 'd' }] };
    const svg = treeSvg(tree);
    expect(svg.match(/<text /g)).toHaveLength(4);
    expect(svg.match(/<path /g)).toHaveLength(3);
    expect(XMLValidator.validate(svg)).toBe(true);
  });

  it('a chart with no points draws nothing; a threshold above every point sets the top of the scale', () => {
    expect(lineChartSvg({ title: 'empty', series: [{ label: 'x', points: [] }] })).toBe('');
    const svg = lineChartSvg({ title: 't', series: [{ label: 'x', points: [{ date: '2026-01-01', value: 50 }, { date: '2026-01-02', value: 100 }] }], threshold: { label: 'peak', value: 200 } });
    // The threshold at the top of the plot (y = 28), the highest point at half its height.
    expect(svg).toContain('y1="28" y2="28"');
    expect(svg).toContain('points="56,163 624,118"');
  });
});

describe('the load test in the golden report', () => {
  const section = /<section class="check" id="check-checkout-load">[\s\S]*?<\/section>/.exec(html)![0];

  it('draws the arrival chart of the throughput verdict over the seconds of the run, folded with the passing rows', () => {
    const folded = section.slice(section.indexOf('<details><summary>'));
    const chart = svgs(folded).find((svg) => svg.includes('Sessions and requests a second over the run'))!;
    expect(XMLValidator.validate(chart)).toBe(true);
    expect(chart.match(/<polyline /g)).toHaveLength(4);
    expect(chart).toContain('>0 s</text>');
    expect(chart).toMatch(/>target sessions\/s \d+/);
  });

  it('a latency table per journey, the percentiles over a threshold marked "over" as well as coloured', () => {
    const tables = section.match(/<table class="matrix">[\s\S]*?<\/table>/g) ?? [];
    expect(tables.map((table) => /<caption>(Latency of journey [\w-]+)/.exec(table)?.[1])).toEqual(['Latency of journey native', 'Latency of journey shop-pay']);
    for (const table of tables) expect(table).toContain('<th scope="row">whole journey</th>');
    expect(section).toMatch(/<td class="tone-fail">[\d,]+ ms over<\/td>/);
    expect(section).not.toMatch(/<td class="tone-pass">[^<]*over<\/td>/);
  });
});
