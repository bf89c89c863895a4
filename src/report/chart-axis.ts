import type { SeriesChart, SeriesPoint } from '../engine/define-check.js';

/** Where a point sits on the x axis: its day, or its second of the run. */
const keyOf = (point: SeriesPoint): string | number => ('second' in point ? point.second : point.date);

/** "12 s" reads as a time on an axis; a date reads as itself. */
const labelOf = (key: string | number): string => (typeof key === 'number' ? `${key} s` : key);

/** The x axis every renderer draws a chart over, whatever its points are spaced by. */
export interface ChartAxis {
  /** 'second' for a run's timeline: a number line (Mermaid gives it a numeric axis). */
  kind: 'date' | 'second';
  /** Each x the chart has a point at, in order: a date, or a second of the run. */
  keys: (string | number)[];
  /** The same, as the axis labels them: "2026-11-20", "12 s". */
  labels: string[];
  /** The position of a point among `labels`. */
  indexOf(point: SeriesPoint): number;
  /** Each series' values at every x, 0 where it has no point. */
  valuesOf(points: readonly SeriesPoint[]): number[];
  /** The highest value drawn, the threshold's included, at least 1 so an all-zero chart still has a scale. */
  top: number;
}

export const chartAxis = (chart: SeriesChart): ChartAxis => {
  const points = chart.series.flatMap((series) => series.points);
  const kind = points.some((point) => 'second' in point) ? 'second' : 'date';
  const keys = [...new Set(points.map(keyOf))].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1));
  const index = new Map(keys.map((key, position) => [key, position]));
  return {
    kind,
    keys,
    labels: keys.map(labelOf),
    indexOf: (point) => index.get(keyOf(point)) ?? 0,
    valuesOf: (seriesPoints) => {
      const byKey = new Map(seriesPoints.map((point) => [keyOf(point), point.value]));
      return keys.map((key) => byKey.get(key) ?? 0);
    },
    top: Math.max(1, chart.threshold?.value ?? 0, ...points.map((point) => point.value)),
  };
};
