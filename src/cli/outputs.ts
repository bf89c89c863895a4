import path from 'node:path';
import { UsageError } from '../lib/errors.js';
import { FILE_EXTENSIONS } from '../report/index.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

export interface OutputTarget {
  format: Format;
  /** A file, or a folder when it ends with '/' or several profiles are audited; absent means stdout. */
  out?: string;
}

/**
 * The format a file name implies when no --format precedes its --out: each format's own extension
 * (a format added to FILE_EXTENSIONS is understood here too) and the other spellings users write.
 */
const FORMAT_OF_EXTENSION: ReadonlyMap<string, Format> = new Map([
  ...(Object.entries(FILE_EXTENSIONS) as [Format, string][]).map(([format, extension]) => [`.${extension}`, format] as const),
  ['.markdown', 'markdown'],
  ['.htm', 'html'],
  ['.sarif.json', 'sarif'],
]);

/** A name ending in a separator is a folder even before it exists. */
export const isFolderName = (out: string): boolean => out.endsWith('/') || out.endsWith(path.sep);

/** `r.json` is json; a folder takes the default format; a name that says nothing is a usage error, never a guess. */
export const formatOfFile = (out: string): Format => {
  if (isFolderName(out)) return 'terminal';
  const name = out.toLowerCase();
  // The longest extension first, so a two-part one (`.sarif.json`) beats its last part.
  const extension = [...FORMAT_OF_EXTENSION.keys()].sort((a, b) => b.length - a.length).find((candidate) => name.endsWith(candidate));
  if (extension === undefined) {
    const known = [...FORMAT_OF_EXTENSION.keys()].join(', ');
    throw new UsageError(`--out ${out}: no format has that extension (${known}); give --format before --out`);
  }
  return FORMAT_OF_EXTENSION.get(extension)!;
};

const optionValue = (args: readonly string[], index: number, name: string): { value: string; consumed: number } | undefined => {
  const token = args[index]!;
  if (token === name) return { value: args[index + 1] ?? '', consumed: 2 };
  if (token.startsWith(`${name}=`)) return { value: token.slice(name.length + 1), consumed: 1 };
  return undefined;
};

/**
 * Pairs each `--out FILE` with the `--format` before it, in the order the user wrote them:
 * `--format json --out r.json --format junit --out r.xml`. Commander collects the two lists apart,
 * so the pairing reads the raw arguments.
 */
export const pairOutputs = (args: readonly string[]): OutputTarget[] => {
  const targets: OutputTarget[] = [];
  for (let index = 0; index < args.length; ) {
    if (args[index] === '--') break;
    const format = optionValue(args, index, '--format');
    const out = optionValue(args, index, '--out');
    if (format) {
      if (!(FORMATS as readonly string[]).includes(format.value)) {
        throw new UsageError(`unknown format "${format.value}" (formats: ${FORMATS.join(', ')})`);
      }
      targets.push({ format: format.value as Format });
    } else if (out) {
      if (!out.value) throw new UsageError('--out (missing) needs a file or folder name');
      if (targets.length === 0) targets.push({ format: formatOfFile(out.value) });
      const target = targets.at(-1)!;
      if (target.out !== undefined) {
        throw new UsageError(`--out ${out.value} must follow the --format it belongs to, one --out per --format`);
      }
      target.out = out.value;
    }
    index += format?.consumed ?? out?.consumed ?? 1;
  }
  if (targets.length === 0) targets.push({ format: 'terminal' });
  const toStdout = targets.filter((target) => target.out === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(
      `only one format can go to standard output (${toStdout.map((t) => t.format).join(' and ')} do): give the others --out FILE`,
    );
  }
  return targets;
};
