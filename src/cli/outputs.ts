import { UsageError } from '../lib/errors.js';

export const FORMATS = ['terminal', 'json', 'junit', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface OutputTarget {
  format: Format;
  /** A file, or a folder when it ends with '/' or several profiles are audited; absent means stdout. */
  out?: string;
}

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
  let sawFormat = false;
  for (let index = 0; index < args.length; ) {
    if (args[index] === '--') break;
    const format = optionValue(args, index, '--format');
    const out = optionValue(args, index, '--out');
    if (format) {
      if (!(FORMATS as readonly string[]).includes(format.value)) {
        throw new UsageError(`unknown format "${format.value}" (formats: ${FORMATS.join(', ')})`);
      }
      targets.push({ format: format.value as Format });
      sawFormat = true;
    } else if (out) {
      if (!sawFormat && targets.length === 0) targets.push({ format: 'terminal' });
      const target = targets.at(-1)!;
      if (target.out !== undefined || !out.value) {
        throw new UsageError(`--out ${out.value || '(missing)'} must follow the --format it belongs to, one --out per --format`);
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
