import Table from 'cli-table3';
import { builtinChecks } from '../../engine/registry.js';
import { UsageError } from '../../lib/errors.js';
import { writeOutput } from '../write-output.js';

const firstSentence = (text: string): string => /^.*?[.!?](\s|$)/.exec(text)?.[0].trim() ?? text;

const catalogue = () =>
  builtinChecks.map((check) => ({
    id: check.id,
    title: check.title,
    description: check.description,
    rules: Object.entries(check.rules).map(([rule, meta]) => ({ id: `${check.id}/${rule}`, ...meta })),
  }));

const asText = (): string => {
  const width = Math.max(80, process.stdout.columns ?? 100);
  return catalogue()
    .map((check) => {
      const table = new Table({
        head: ['rule', 'severity', 'title', 'why'],
        colWidths: [30, 10, 28, Math.max(24, width - 74)],
        wordWrap: true,
        style: { head: [], border: [] },
      });
      for (const rule of check.rules) table.push([rule.id, rule.severity, rule.title, firstSentence(rule.description)]);
      return `${check.title} (${check.id}): ${check.description}\n${table.toString()}\n`;
    })
    .join('\n');
};

/** Every check and rule with its default severity: what a `severity:` or `suppress:` entry can name. */
export const checksCommand = async (options: { format: string }): Promise<void> => {
  if (options.format === 'json') return writeOutput(`${JSON.stringify(catalogue(), null, 2)}\n`, undefined);
  if (options.format !== 'text') throw new UsageError(`checks --format takes text or json, not "${options.format}"`);
  return writeOutput(asText(), undefined);
};
