import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { SeriesChart } from '../../src/engine/define-check.js';
import { renderChart } from '../../src/report/chart.js';
import { chartAxis } from '../../src/report/chart-axis.js';
import { mermaidChart } from '../../src/report/mermaid.js';
import { lineChartSvg } from '../../src/report/svg.js';

/** A 12-second run: sessions ramp to 10 a second and the store falls behind from second 8. */
const started = [2, 4, 6, 8, 10, 10, 10, 10, 5, 3, 2, 1];
const run: SeriesChart = {
  title: 'Sessions and requests a second over the run',
  series: [
    { label: 'sessions started', points: started.map((value, second) => ({ second, value })) },
    { label: 'sessions planned', points: started.map((_, second) => ({ second, value: Math.min(10, 2 * (second + 1)) })) },
    { label: 'requests failed', points: started.map((_, second) => ({ second, value: second >= 8 ? 30 : 0 })) },
  ],
  threshold: { label: 'target sessions/s', value: 10 },
};

describe('a chart over the seconds of a run', () => {
  it('its axis is a number line in seconds, sorted numerically (10 after 9, not after 1)', () => {
    const shuffled: SeriesChart = { title: 't', series: [{ label: 'a', points: [{ second: 10, value: 1 }, { second: 9, value: 2 }, { second: 1, value: 3 }] }] };
    const axis = chartAxis(shuffled);
    expect(axis.kind).toBe('second');
    expect(axis.labels).toEqual(['1 s', '9 s', '10 s']);
    expect(axis.valuesOf(shuffled.series[0]!.points)).toEqual([3, 2, 1]);
    expect(axis.top).toBe(3);
  });

  it('HTML: every series a line of its own colour and stroke, named in the legend, the target dashed, the axis in seconds', () => {
    const svg = lineChartSvg(run);
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    // Told apart without colour: a solid line, then two dash patterns, none the same.
    const strokes = [...svg.matchAll(/<polyline [^>]*?stroke-width="2"( stroke-dasharray="([^"]+)")?/g)].map((match) => match[2] ?? 'solid');
    expect(new Set(strokes).size).toBe(3);
    for (const label of ['sessions started', 'sessions planned', 'requests failed']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('>target sessions/s 10</text>');
    expect(svg).toContain('>0 s</text>');
    expect(svg).toContain('>11 s</text>');
    // The failures' 30 sets the scale, over the target.
    expect(svg).toContain('>30</text>');
  });

  it('HTML: the legend entries do not overlap, however long the labels', () => {
    const starts = [...lineChartSvg(run).matchAll(/<line [^>]*x1="([\d.]+)" x2="([\d.]+)" y1="10"/g)].map((match) => Number(match[1]));
    expect(starts).toHaveLength(3);
    // Each entry starts after the previous one's sample (20) and label (about 6 px a character).
    expect(starts[1]! - starts[0]!).toBeGreaterThan(20 + 'sessions started'.length * 6);
    expect(starts[2]! - starts[1]!).toBeGreaterThan(20 + 'sessions planned'.length * 6);
  });

  it('Markdown: a numeric x axis in seconds, one line per series and the target flat', () => {
    const block = mermaidChart(run);
    expect(block).toContain('    x-axis "seconds into the run" 0 --> 11');
    expect(block).toContain(`    line [${started.join(', ')}]`);
    expect(block).toContain(`    line [${started.map(() => 10).join(', ')}]`);
    expect(block).toContain('    y-axis 0 --> 30');
    expect(block[2]).toBe('    title "Sessions and requests a second over the run (sessions started, sessions planned, requests failed, target sessions/s)"');
  });

  it('terminal: the first series as bars under the target row, named in the title, the axis from 0 s to the last second', () => {
    const lines = renderChart(run, 80);
    expect(lines[0]).toBe('Sessions and requests a second over the run (bars: sessions started)');
    expect(lines.at(-1)).toMatch(/^\s+0 s\s+11 s$/);
    const targetRow = lines.find((line) => line.includes('target sessions/s 10'))!;
    // Seconds 4–7 reach the target (a short run is drawn two characters a second); the ramp before and the fall after show the dotted target line.
    expect(targetRow).toMatch(/┤┄{8}█{8}┄{8} target/);
    expect(lines.filter((line) => line.includes('┤'))).toHaveLength(8);
  });

  it('a daily chart still reads as before: dates on the axis, categories in Mermaid', () => {
    const daily: SeriesChart = { title: 'Ramp', series: [{ label: 'planned', points: [{ date: '2026-09-01', value: 5 }, { date: '2026-09-02', value: 7 }] }] };
    expect(chartAxis(daily).kind).toBe('date');
    expect(mermaidChart(daily)).toContain('    x-axis ["09-01", "09-02"]');
    expect(renderChart(daily, 80)[0]).toBe('Ramp');
    expect(renderChart(daily, 80).at(-1)).toMatch(/2026-09-01\s+2026-09-02$/);
  });
});
