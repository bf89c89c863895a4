import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderers } from '../report/index.js';
import { indexEntry, isUnjudged, renderIndexHtml, renderIndexJson, renderIndexMarkdown, type IndexEntry, type Judged } from '../report/store-index.js';
import { unjudgedDocument, unjudgedRenderers, unjudgedVerdict } from '../report/unjudged.js';
import type { AuditOptions } from './audit-options.js';
import { writeStderr } from './session.js';
import { writeOutput } from './write-output.js';

const render = (result: Judged, format: AuditOptions['targets'][number]['format'], context: Parameters<(typeof renderers)['terminal']>[1]): string =>
  isUnjudged(result) ? unjudgedRenderers[format](result) : renderers[format](result, { ...context, profileText: format === 'sarif' ? profileTextOf(result.profile) : undefined });

/** SARIF points at the profile line of each subject; a profile no longer readable leaves every result at line 1. */
const profileTextOf = (profile: string): string | undefined => {
  try {
    return readFileSync(profile, 'utf8');
  } catch {
    return undefined;
  }
};

const verdictOf = (result: Judged): string => (isUnjudged(result) ? `${result.profile} ${unjudgedVerdict(result)}` : `${result.store.name}: ${result.summary.verdict}`);

/**
 * Writes every target for every profile, judged or not, then an index in each folder written to,
 * and says which file of a folder holds which store's verdict (on stderr when a report goes to stdout).
 * `destinations[target][profile]` comes from planDestinations; results are in profile order.
 */
export const writeReports = async (results: Judged[], options: Pick<AuditOptions, 'targets' | 'color' | 'quiet'>, destinations: (string | undefined)[][], toolVersion: string): Promise<void> => {
  const toStdout = options.targets.some((target) => target.out === undefined);
  const say = async (line: string) => (toStdout ? writeStderr(`${line}\n`) : writeOutput(`${line}\n`, undefined));
  const folders = new Map<string, { result: Judged; files: string[] }[]>();
  const htmlFolders = new Set<string>();
  for (const [index, target] of options.targets.entries()) {
    const color = options.color && target.out === undefined && process.stdout.isTTY === true;
    const context = { color, width: process.stdout.columns ?? 100, quiet: options.quiet };
    if (target.out === undefined) {
      // One invalid profile alone was already explained on stderr; among several, its report says so in line.
      const shown = results.length === 1 ? results.filter((result) => !isUnjudged(result)) : results;
      // Several reports on one stream stay one JSON document: an array of reports.
      if (target.format === 'json' && shown.length > 1) {
        const documents = shown.map((result) => (isUnjudged(result) ? unjudgedDocument(result) : result));
        await writeOutput(`${JSON.stringify(documents, null, 2)}\n`, undefined);
      }
      else for (const result of shown) await writeOutput(render(result, target.format, context), undefined);
      continue;
    }
    for (const [profile, result] of results.entries()) {
      const file = destinations[index]![profile]!;
      await writeOutput(render(result, target.format, context), file);
      // A single --out FILE is where the user looks already; a folder's files are named as they are written.
      if (file !== target.out) {
        await say(`${file}: ${verdictOf(result)}`);
        if (target.format === 'html') htmlFolders.add(target.out);
        const stores = folders.get(target.out) ?? [];
        const store = stores[profile] ?? { result, files: [] };
        store.files.push(path.basename(file));
        stores[profile] = store;
        folders.set(target.out, stores);
      }
    }
  }
  for (const [folder, stores] of folders) {
    const entries: IndexEntry[] = stores.map((store) => indexEntry(store.result, store.files));
    await writeOutput(renderIndexMarkdown(entries), path.join(folder, 'index.md'));
    await writeOutput(renderIndexJson(entries, toolVersion), path.join(folder, 'index.json'));
    if (htmlFolders.has(folder)) await writeOutput(renderIndexHtml(entries, toolVersion), path.join(folder, 'index.html'));
    await say(`${path.join(folder, 'index.md')}, index.json${htmlFolders.has(folder) ? ', index.html' : ''}: ${entries.length === 1 ? '1 store' : `${entries.length} stores`}, worst first`);
  }
};
