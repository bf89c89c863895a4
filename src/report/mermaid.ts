import type { SeriesChart } from '../engine/define-check.js';
import { chartAxis } from './chart-axis.js';

const quoted = (text: string): string => `"${text.replace(/"/g, "'")}"`;

/**
 * A chart as a Mermaid `xychart-beta` block, which GitHub draws in job summaries, comments and
 * Markdown files: one line per series over the same days or seconds, and the threshold as a flat line.
 * Mermaid colours the lines but names none, so the title lists them in drawing order.
 */
export const mermaidChart = (chart: SeriesChart): string[] => {
  const axis = chartAxis(chart);
  if (axis.labels.length === 0) return [];
  const legend = [...chart.series.map((series) => series.label), ...(chart.threshold ? [chart.threshold.label] : [])].join(', ');
  // Days are categories ("11-20"); a run's seconds are a number line, too many to label one by one.
  const xAxis =
    axis.kind === 'second'
      ? `    x-axis "seconds into the run" ${String(axis.keys[0])} --> ${String(axis.keys.at(-1))}`
      : `    x-axis [${axis.labels.map((date) => quoted(date.slice(5))).join(', ')}]`;
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${quoted(`${chart.title} (${legend})`)}`,
    xAxis,
    `    y-axis 0 --> ${axis.top}`,
    ...chart.series.map((series) => `    line [${axis.valuesOf(series.points).join(', ')}]`),
    ...(chart.threshold ? [`    line [${axis.labels.map(() => chart.threshold!.value).join(', ')}]`] : []),
    '```',
  ];
};
