import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/engine/report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mermaidChart } from '../../src/report/mermaid.js';
import { ROOT } from '../helpers/cli.js';

const golden = JSON.parse(readFileSync(path.join(ROOT, 'fixtures/golden/report.json'), 'utf8')) as Report;
const markdown = renderMarkdown(golden);

describe('Markdown carries everything the terminal does', () => {
  it('prepared by, the causes, and the expired and unused suppressions', () => {
    expect(markdown).toContain('prepared by Platform team <platform@golden.example>');
    expect(markdown).toContain('1 finding could not be checked');
    expect(markdown).toContain('### Suppressions to review\n\n- Suppression of ip-warmup/ramp-length expired on 2025-12-31 and no longer applies.\n- Suppression of ip-warmup/bounce-rate for 203.0.113.99 matched nothing: remove it.');
    expect(markdown).not.toContain('Suppression of ip-warmup/holiday-start');
  });

  it('the warm-up ramp as a Mermaid xychart-beta block with the peak as a flat line', () => {
    const chart = golden.findings.find((finding) => finding.check === 'ip-warmup' && finding.chart)!.chart!;
    const block = mermaidChart(chart);
    expect(markdown).toContain(block.join('\n'));
    expect(block.slice(0, 2)).toEqual(['```mermaid', 'xychart-beta']);
    const lines = block.filter((line) => line.startsWith('    line ['));
    expect(lines).toHaveLength(chart.series.length + 1);
    expect(lines.at(-1)).toBe(`    line [${chart.series[0]!.points.map(() => chart.threshold!.value).join(', ')}]`);
    expect(block).toContain(`    y-axis 0 --> ${chart.threshold!.value}`);
  });

  it('a chart over no days draws nothing; series missing a day count it as 0', () => {
    expect(mermaidChart({ title: 't', series: [] })).toEqual([]);
    const block = mermaidChart({ title: 'Two "IPs"', series: [{ label: 'a', points: [{ date: '2026-09-01', value: 5 }] }, { label: 'b', points: [{ date: '2026-09-02', value: 7 }] }] });
    expect(block).toContain('    title "Two \'IPs\' (a, b)"');
    expect(block).toContain('    x-axis ["09-01", "09-02"]');
    expect(block).toContain('    line [5, 0]');
    expect(block).toContain('    line [0, 7]');
  });
});

describe('the load test in Markdown', () => {
  it('the arrival chart of a passing throughput verdict is drawn inside the folded passing rows, over seconds', () => {
    const section = markdown.slice(markdown.indexOf('### Checkout under peak load'), markdown.indexOf('### Inventory feed'));
    const folded = section.slice(section.indexOf('<details>'), section.indexOf('</details>'));
    expect(folded).toContain('**`checkout-load/throughput` · 127.0.0.1**');
    expect(folded).toMatch(/x-axis "seconds into the run" 0 --> \d+/);
    expect(section).toMatch(/\| add to cart \(POST \/cart\/add\.js\) \| [\d,]+ ms \| ❌ [\d,]+ ms over \|/);
  });
});
