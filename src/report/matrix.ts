import type { Matrix, MatrixTone } from '../engine/define-check.js';
import type { Finding } from '../engine/report.js';

/**
 * The matrices of one check's findings, joined: rows of matrices with the same title, row header and columns
 * become one table, in the findings' order (worst first), so thirty keyword verdicts read as one grid. A table
 * in which nothing was judged is left out: its could-not-check cause already says so once.
 */
export const joinMatrices = (findings: readonly Finding[]): Matrix[] => {
  const joined = new Map<string, Matrix>();
  for (const { matrix } of findings) {
    if (!matrix) continue;
    const key = JSON.stringify([matrix.title, matrix.rowHeader, matrix.columns]);
    const table = joined.get(key);
    if (table) table.rows.push(...matrix.rows);
    else joined.set(key, { ...matrix, rows: [...matrix.rows] });
  }
  return [...joined.values()].filter((matrix) => matrix.rows.some((row) => row.cells.some((cell) => cell && cell.tone !== 'error')));
};

const WORST_FIRST: readonly MatrixTone[] = ['fail', 'error', 'warn', 'pass'];

/** The worst tone of a row's cells: a step with one percentile over its threshold fails. */
const rowTone = (cells: Matrix['rows'][number]['cells']): MatrixTone | undefined => WORST_FIRST.find((tone) => cells.some((cell) => cell?.tone === tone));

/**
 * "28 honoured · 2 ignored": how many rows fill each column, columns no row fills left out. A grid whose
 * rows fill every column measures rather than sorts (a latency per percentile), so there the rows are
 * counted by their worst cell instead: "1 fail · 8 pass".
 */
export const matrixCounts = (matrix: Matrix): string => {
  const measured = matrix.rows.length > 0 && matrix.rows.every((row) => row.cells.length === matrix.columns.length && row.cells.every((cell) => cell !== null));
  if (measured) {
    const tones = matrix.rows.map((row) => rowTone(row.cells));
    return WORST_FIRST.map((tone) => ({ tone, rows: tones.filter((found) => found === tone).length }))
      .filter(({ rows }) => rows > 0)
      .map(({ tone, rows }) => `${rows} ${tone}`)
      .join(' · ');
  }
  return matrix.columns
    .map((column, index) => ({ column, rows: matrix.rows.filter((row) => row.cells[index]).length }))
    .filter(({ rows }) => rows > 0)
    .map(({ column, rows }) => `${rows} ${column}`)
    .join(' · ');
};

/** "Keyword replies, 31 keywords: 28 honoured · 2 ignored": the caption every format gives a matrix. */
export const matrixCaption = (matrix: Matrix): string => {
  const noun = matrix.rowHeader.toLowerCase();
  return `${matrix.title}, ${matrix.rows.length} ${matrix.rows.length === 1 ? noun : `${noun}s`}: ${matrixCounts(matrix)}`;
};
