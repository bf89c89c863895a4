import Table from 'cli-table3';
import { wrapWords } from '../lib/wrap-words.js';
import type { CatalogueCheck, CatalogueRule } from './catalogue.js';

export interface CatalogueLayout {
  /** Columns to fit: the terminal's, or 100 in a pipe. */
  width: number;
  /** A table only where a person reads it; a pipe gets the list, which grep and diff read line by line. */
  terminal: boolean;
}

// cli-table3 counts a cell's padding (one space each side) in its column width.
const PADDING = 2;
const MIN_TITLE = 22;
const MIN_WHY = 30;
// Four columns have five borders.
const BORDERS = 5;
const LIST_INDENT = '    ';

const firstSentence = (text: string): string => /^.*?[.!?](\s|$)/.exec(text)?.[0].trim() ?? text;

const rulesOf = (checks: readonly CatalogueCheck[]): CatalogueRule[] => checks.flatMap((check) => check.rules);

const longest = (texts: readonly string[]): number => Math.max(0, ...texts.map((text) => text.length));

/** The id and severity columns fit their longest entry, so no rule id is ever cut; title and why share the rest. */
const tableColumns = (checks: readonly CatalogueCheck[], width: number): number[] | undefined => {
  const rules = rulesOf(checks);
  const id = longest(['rule', ...rules.map((rule) => rule.id)]) + PADDING;
  const severity = longest(['severity', ...rules.map((rule) => rule.severity)]) + PADDING;
  const rest = width - id - severity - BORDERS;
  const title = Math.floor(rest * 0.4);
  const why = rest - title;
  if (title < MIN_TITLE + PADDING || why < MIN_WHY + PADDING) return undefined;
  return [id, severity, title, why];
};

const heading = (check: CatalogueCheck, width: number): string => wrapWords(`${check.title} (${check.id}): ${check.description}`, width).join('\n');

const asTable = (checks: readonly CatalogueCheck[], colWidths: number[], width: number): string =>
  checks
    .map((check) => {
      const table = new Table({ head: ['rule', 'severity', 'title', 'why'], colWidths, wordWrap: true, style: { head: [], border: [] } });
      for (const rule of check.rules) table.push([rule.id, rule.severity, rule.title, firstSentence(rule.description)]);
      return `${heading(check, width)}\n${table.toString()}\n`;
    })
    .join('\n');

const indented = (text: string, width: number): string[] =>
  wrapWords(text, Math.max(20, width - LIST_INDENT.length)).map((line) => `${LIST_INDENT}${line}`);

/** One block per rule: its id whole on a line of its own, then the title and why wrapped under it. */
const asList = (checks: readonly CatalogueCheck[], width: number): string =>
  checks
    .map((check) => {
      const rules = check.rules.map((rule) =>
        [`  ${rule.id} (${rule.severity})`, ...indented(rule.title, width), ...indented(firstSentence(rule.description), width)].join('\n'),
      );
      return `${heading(check, width)}\n\n${rules.join('\n\n')}\n`;
    })
    .join('\n');

/** The catalogue as text: a table on a terminal wide enough for it, a list everywhere else. */
export const renderCatalogue = (checks: readonly CatalogueCheck[], layout: CatalogueLayout): string => {
  const columns = layout.terminal ? tableColumns(checks, layout.width) : undefined;
  return columns ? asTable(checks, columns, layout.width) : asList(checks, layout.width);
};
