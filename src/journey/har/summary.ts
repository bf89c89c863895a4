import type { ImportSummary } from './import.js';

const counted = (counts: Partial<Record<string, number>>, plural: (word: string, count: number) => string): string[] =>
  Object.entries(counts)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .map(([word, count]) => `${count} ${plural(word, count)}`);

const pluralOf = (word: string, count: number): string => (count === 1 || word.endsWith('party') ? word : word.endsWith('s') ? word : `${word}s`);

const sourceOf = (correlation: ImportSummary['correlations'][number], method: string, path: string): string => {
  const { source } = correlation.produced;
  const where = source.json !== undefined ? `JSON ${source.json}` : source.header !== undefined ? `${source.header[0]!.toUpperCase()}${source.header.slice(1)}` : source.cookie !== undefined ? `cookie ${source.cookie}` : 'HTML';
  return `${where} of ${method} ${path}`;
};

/** The stderr summary: counts and names only; a recorded value never appears. */
export const summaryLines = (summary: ImportSummary, steps: readonly { method: string; path: string }[]): string[] => {
  const bare = (index: number) => steps[index]?.path.split('?', 1)[0] ?? '';
  const captured = summary.correlations.map(
    (correlation) => `captured: ${correlation.name} (${sourceOf(correlation, steps[correlation.producer]?.method ?? '', bare(correlation.producer))}) → used by ${correlation.users.length} ${correlation.users.length === 1 ? 'step' : 'steps'}`,
  );
  const dropped = [
    ...counted(summary.dropped, pluralOf),
    ...counted(summary.droppedHeaders, pluralOf),
    ...(summary.uncorrelatedCsrf.length > 0 ? [`${summary.uncorrelatedCsrf.length} CSRF ${summary.uncorrelatedCsrf.length === 1 ? 'value' : 'values'} no answer held (${[...new Set(summary.uncorrelatedCsrf)].join(', ')}: capture by hand)`] : []),
  ];
  const replaced = counted(summary.personal, pluralOf);
  return [
    `store: ${summary.origin}; ${steps.length} ${steps.length === 1 ? 'step' : 'steps'}`,
    ...captured,
    ...(dropped.length > 0 ? [`dropped: ${dropped.join(', ')}`] : []),
    ...(replaced.length > 0 ? [`replaced with test values: ${replaced.join(', ')}`] : []),
  ];
};
