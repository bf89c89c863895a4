import type { SeriesChart } from '../engine/define-check.js';
import { chartAxis } from './chart-axis.js';
import { compactNumber, groupedNumber } from './text.js';

const HEIGHT = 8;

/** A short series (a run of a few seconds) is drawn this many characters a value at most, to stay legible. */
const MAX_STRETCH = 4;

/**
 * Buckets consecutive days or seconds into at most `columns` columns, keeping each bucket's highest value;
 * a series much shorter than that is widened instead, each value drawn a few characters wide.
 */
const bucket = (values: readonly number[], columns: number): number[] => {
  if (values.length <= columns) {
    const stretch = Math.min(MAX_STRETCH, Math.max(1, Math.floor(columns / 2 / values.length)));
    return values.flatMap((value) => Array<number>(stretch).fill(value));
  }
  const size = values.length / columns;
  return Array.from({ length: columns }, (_, column) =>
    Math.max(...values.slice(Math.floor(column * size), Math.max(Math.floor((column + 1) * size), Math.floor(column * size) + 1))),
  );
};

/**
 * A small text bar chart of the first series, with the threshold drawn as a dotted row: enough to
 * see at a glance whether and when a ramp crosses the peak line, or a run falls below its target.
 * The other series are left to the HTML and Markdown reports; the title names the one drawn.
 */
export const renderChart = (chart: SeriesChart, width: number): string[] => {
  const series = chart.series[0];
  if (!series || series.points.length === 0) return [];
  const threshold = chart.threshold?.value;
  const top = Math.max(...series.points.map((point) => point.value), threshold ?? 0, 1);
  const labelWidth = Math.max(compactNumber(top).length, 1) + 1;
  const columns = bucket(series.points.map((point) => point.value), Math.max(10, Math.min(60, width - labelWidth - 4)));
  const rowOf = (value: number) => Math.ceil((value / top) * HEIGHT);
  const thresholdRow = threshold === undefined ? -1 : rowOf(threshold);
  const lines = [chart.series.length > 1 ? `${chart.title} (bars: ${series.label})` : chart.title];
  for (let row = HEIGHT; row >= 1; row--) {
    const label = row === HEIGHT ? compactNumber(top) : row === thresholdRow ? compactNumber(threshold ?? 0) : '';
    const cells = columns.map((value) => (rowOf(value) >= row ? '█' : row === thresholdRow ? '┄' : ' ')).join('');
    const note = row === thresholdRow && chart.threshold ? ` ${chart.threshold.label} ${groupedNumber(chart.threshold.value)}` : '';
    lines.push(`${label.padStart(labelWidth)} ┤${cells}${note}`);
  }
  const { labels } = chartAxis({ ...chart, series: [series] });
  const first = labels[0]!;
  const last = labels.at(-1)!;
  lines.push(`${'0'.padStart(labelWidth)} └${'─'.repeat(columns.length)}`);
  lines.push(`${' '.repeat(labelWidth + 2)}${first}${last.padStart(Math.max(columns.length - first.length, last.length + 1))}`);
  return lines;
};
