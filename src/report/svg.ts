import type { SeriesChart, TreeNode } from '../engine/define-check.js';
import { chartAxis } from './chart-axis.js';
import { compactNumber, groupedNumber } from './text.js';

/** Text for HTML and SVG alike: markup characters escaped, so a subject can never become markup. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const WIDTH = 640;
const HEIGHT = 240;
const PAD = { left: 56, right: 16, top: 28, bottom: 32 };
// Colours as attributes, not only CSS, so a chart copied out of the page keeps them.
const SERIES_COLOURS = ['#0969da', '#8250df', '#bf3989', '#1a7f37'];
// Each series has a stroke of its own too, so a chart printed in black and white still tells them apart.
const SERIES_DASHES = ['', '8 3', '2 3', '10 3 2 3'];
const FAIL_COLOUR = '#b42318';
const AXIS_COLOUR = '#57606a';
/** Roughly how wide a character of the 11 px system font is, to lay the legend out without measuring. */
const CHAR_WIDTH = 6.2;
const SAMPLE = 20;

const round = (value: number): string => String(Math.round(value * 10) / 10);

const stroke = (index: number): string => {
  const dash = SERIES_DASHES[index % SERIES_DASHES.length]!;
  return `stroke="${SERIES_COLOURS[index % SERIES_COLOURS.length]!}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
};

/** Each series' name after a short sample of its line, side by side above the plot. */
const legendSvg = (chart: SeriesChart): string => {
  let x = PAD.left;
  return chart.series
    .map((series, index) => {
      const entry = `<line ${stroke(index)} x1="${round(x)}" x2="${round(x + SAMPLE)}" y1="10" y2="10"/><text fill="${SERIES_COLOURS[index % SERIES_COLOURS.length]!}" x="${round(x + SAMPLE + 4)}" y="14">${escapeHtml(series.label)}</text>`;
      x += SAMPLE + 16 + series.label.length * CHAR_WIDTH;
      return entry;
    })
    .join('');
};

/**
 * A line chart of every series over the same days or seconds, with the threshold (a peak volume, a target
 * rate) as a dashed line: whether and when a ramp reaches the peak, or a run falls behind its target, is
 * seen at once. Drawn from the report alone.
 */
export const lineChartSvg = (chart: SeriesChart): string => {
  const axis = chartAxis(chart);
  if (axis.labels.length === 0) return '';
  const { top } = axis;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (position: number) => PAD.left + (axis.labels.length === 1 ? plotWidth / 2 : (position / (axis.labels.length - 1)) * plotWidth);
  const y = (value: number) => PAD.top + plotHeight - (value / top) * plotHeight;
  const lines = chart.series.map((series, index) => {
    const points = series.points.map((point) => `${round(x(axis.indexOf(point)))},${round(y(point.value))}`).join(' ');
    return `<polyline ${stroke(index)} fill="none" points="${points}"><title>${escapeHtml(series.label)}</title></polyline>`;
  });
  const threshold = chart.threshold
    ? `<line stroke="${FAIL_COLOUR}" stroke-dasharray="6 4" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${round(y(chart.threshold.value))}" y2="${round(y(chart.threshold.value))}"/><text fill="${FAIL_COLOUR}" x="${WIDTH - PAD.right}" y="${round(y(chart.threshold.value) - 4)}" text-anchor="end">${escapeHtml(`${chart.threshold.label} ${groupedNumber(chart.threshold.value)}`)}</text>`
    : '';
  const axes = [
    `<line stroke="${AXIS_COLOUR}" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${PAD.top + plotHeight}"/>`,
    `<line stroke="${AXIS_COLOUR}" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${PAD.top + plotHeight}" y2="${PAD.top + plotHeight}"/>`,
    `<text fill="${AXIS_COLOUR}" x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end">${compactNumber(top)}</text>`,
    `<text fill="${AXIS_COLOUR}" x="${PAD.left - 6}" y="${PAD.top + plotHeight}" text-anchor="end">0</text>`,
    `<text fill="${AXIS_COLOUR}" x="${PAD.left}" y="${HEIGHT - 10}">${escapeHtml(axis.labels[0]!)}</text>`,
    `<text fill="${AXIS_COLOUR}" x="${WIDTH - PAD.right}" y="${HEIGHT - 10}" text-anchor="end">${escapeHtml(axis.labels.at(-1)!)}</text>`,
  ].join('');
  return `<svg class="chart" role="img" font-family="system-ui, sans-serif" font-size="11" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(chart.title)}</title>${legendSvg(chart)}${axes}${threshold}${lines.join('')}</svg>`;
};

const ROW = 20;
const INDENT = 22;

/** The nodes in reading order, each with its depth. */
const flatten = (node: TreeNode, depth = 0): { node: TreeNode; depth: number }[] => [
  { node, depth },
  ...(node.children ?? []).flatMap((child) => flatten(child, depth + 1)),
];

/** A tree drawn with elbows, each label with its note (an SPF include tree with the lookups each branch costs). */
export const treeSvg = (tree: TreeNode): string => {
  const rows = flatten(tree);
  // In reading order a node's parent is the nearest row above it one level up.
  const parents = rows.map((row, index) => rows.slice(0, index).findLastIndex((above) => above.depth === row.depth - 1));
  const width = Math.max(320, ...rows.map((row) => 16 + row.depth * INDENT + (row.node.label.length + (row.node.note?.length ?? 0) + 3) * 7.2));
  const height = rows.length * ROW + 8;
  const elements = rows.map((row, index) => {
    const textX = 8 + row.depth * INDENT;
    const textY = (index + 1) * ROW;
    const parent = parents[index] ?? -1;
    const elbow =
      parent < 0
        ? ''
        : `<path stroke="#8c959f" fill="none" d="M${8 + (row.depth - 1) * INDENT + 4},${(parent + 1) * ROW + 4} V${textY - 5} H${textX - 3}"/>`;
    const note = row.node.note ? ` <tspan fill="${AXIS_COLOUR}">${escapeHtml(row.node.note)}</tspan>` : '';
    return `${elbow}<text x="${textX}" y="${textY}">${escapeHtml(row.node.label)}${note}</text>`;
  });
  return `<svg class="tree" role="img" font-family="system-ui, sans-serif" font-size="11" viewBox="0 0 ${Math.ceil(width)} ${height}" width="${Math.ceil(width)}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(tree.label)}</title>${elements.join('')}</svg>`;
};
