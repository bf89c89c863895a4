import { UsageError } from '../../lib/errors.js';
import { catalogue } from '../catalogue.js';
import { renderCatalogue } from '../catalogue-text.js';
import { writeOutput } from '../write-output.js';

/** Every check and rule with its default severity: what a `severity:` or `suppress:` entry can name. */
export const checksCommand = async (options: { format: string }): Promise<void> => {
  if (options.format === 'json') return writeOutput(`${JSON.stringify(catalogue(), null, 2)}\n`, undefined);
  if (options.format !== 'text') throw new UsageError(`checks --format takes text or json, not "${options.format}"`);
  const layout = { width: process.stdout.columns ?? 100, terminal: process.stdout.isTTY === true };
  return writeOutput(renderCatalogue(catalogue(), layout), undefined);
};
