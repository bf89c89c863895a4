import type { SeriesChart } from '../engine/define-check.js';

const quoted = (text: string): string => `"${text.replace(/"/g, "'")}"`;

/**
 * A chart as a Mermaid `xychart-beta` block, which GitHub draws in job summaries, comments and
 * Markdown files: one line per series over the same days, and the threshold as a flat line.
 */
export const mermaidChart = (chart: SeriesChart): string[] => {
  const dates = [...new Set(chart.series.flatMap((series) => series.points.map((point) => point.date)))].sort();
  if (dates.length === 0) return [];
  const valuesOf = (points: SeriesChart['series'][number]['points']) => {
    const byDate = new Map(points.map((point) => [point.date, point.value]));
    return dates.map((date) => byDate.get(date) ?? 0);
  };
  const top = Math.max(1, chart.threshold?.value ?? 0, ...chart.series.flatMap((series) => series.points.map((point) => point.value)));
  const legend = [...chart.series.map((series) => series.label), ...(chart.threshold ? [chart.threshold.label] : [])].join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `    title ${quoted(`${chart.title} (${legend})`)}`,
    `    x-axis [${dates.map((date) => quoted(date.slice(5))).join(', ')}]`,
    `    y-axis 0 --> ${top}`,
    ...chart.series.map((series) => `    line [${valuesOf(series.points).join(', ')}]`),
    ...(chart.threshold ? [`    line [${dates.map(() => chart.threshold!.value).join(', ')}]`] : []),
    '```',
  ];
};
