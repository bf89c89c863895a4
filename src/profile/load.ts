import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq } from 'yaml';
import path from 'node:path';
import type { AnyCheck } from '../engine/define-check.js';
import { ProfileError } from '../lib/errors.js';
import { interpolateEnvironment } from './interpolate.js';
import { atPosition, ProfileProblems, type ProfileProblem } from './problems.js';
import { buildProfileSchema, type Profile } from './schema.js';
import { registerSecretOverride, registerSecretValues } from './secret-fields.js';
import type { CheckSelection } from './selection.js';
import { judgeProfile, type Override } from './validate.js';
import { formatFieldPath } from './issues.js';
import { readLogo } from './logo.js';
import { YamlSource, type FieldPath } from './yaml-source.js';

export interface LoadedProfile {
  /** The path as the user gave it: messages name it so, never an absolute path of this machine. */
  file: string;
  dir: string;
  profile: Profile;
  /** Built-in checks followed by the profile's plugins. */
  checks: AnyCheck[];
  /** `report.logo` as a data URI, for the HTML report. */
  logo?: string;
}

/** A value given on the command line for a field of the profile: `--set checks.sms-routing.webhook=…`. */
export interface ProfileOverride {
  path: (string | number)[];
  value: unknown;
  /** The flag's argument as typed, `checks.x=…`: a problem with the value names the flag with it. */
  text?: string;
}

export interface LoadOptions {
  builtins: readonly AnyCheck[];
  overrides?: readonly ProfileOverride[];
  env: Readonly<Record<string, string | undefined>>;
  addSecret(value: string): void;
  loadPlugin(specifier: string, profileDir: string): Promise<AnyCheck>;
  /** Which checks will run and how: a `${VAR}` is needed only where it is used. Default: every check gathers. */
  selection?: CheckSelection;
}

const readProfileText = async (file: string): Promise<string> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a profile' : `cannot be read (${code ?? 'unknown error'})`;
    throw new ProfileError(problem, { file });
  }
};

const loadPlugins = async (source: YamlSource, raw: Record<string, unknown>, dir: string, options: LoadOptions) => {
  const specifiers = Array.isArray(raw.plugins) ? raw.plugins : [];
  const plugins: AnyCheck[] = [];
  const problems: ProfileProblem[] = [];
  for (const [index, specifier] of specifiers.entries()) {
    if (typeof specifier !== 'string') continue; // the schema reports the wrong type
    const where = atPosition(source.positionOf(['plugins', index]));
    try {
      const plugin = await options.loadPlugin(specifier, dir);
      if ([...options.builtins, ...plugins].some((check) => check.id === plugin.id)) {
        throw new Error(`a check with id "${plugin.id}" is already loaded`);
      }
      plugins.push(plugin);
    } catch (error) {
      problems.push({ where, fieldPath: `plugins[${index}]`, problem: `plugin "${specifier}" could not be loaded: ${(error as Error).message}` });
    }
  }
  // A plugin that did not load leaves its section unknown: listing that too would only repeat it.
  if (problems.length > 0) throw new ProfileProblems(source.file, problems);
  return plugins;
};

/**
 * A check's override changes a profile that has that check's section (adding a field it lacks, such as
 * `checks.email-auth.mtaSts.port`); across several profiles it leaves the others alone. Fields outside
 * `checks` (resolver, peak) apply to every profile. Whether it names a field at all is judged with the schema.
 */
const appliesTo = (source: YamlSource, path: FieldPath): boolean =>
  // A file that is not a mapping is reported as such, untouched.
  isMap(source.document.contents) && (path[0] !== 'checks' || source.document.hasIn(path.slice(0, 2)));

/** Why a field cannot be set at `path` (`webhook.x` where webhook is a URL, `ips.x` in a list): yaml would throw. */
const cannotSet = (source: YamlSource, path: FieldPath): string | undefined => {
  for (let end = 1; end < path.length; end += 1) {
    const node = source.document.getIn(path.slice(0, end), true);
    const at = formatFieldPath(path.slice(0, end));
    if (isScalar(node)) return `${at} is a single value: no field can be set inside it`;
    if (isSeq(node) && typeof path[end] !== 'number') return `${at} is a list: the next part of the path is an index (${at}.0…)`;
    if (isSeq(node) && Number(path[end]) > node.items.length) return `${at} has ${node.items.length} ${node.items.length === 1 ? 'entry' : 'entries'}: index ${String(path[end])} is past its end (${node.items.length} adds one)`;
  }
  return undefined;
};

const applyOverrides = (source: YamlSource, overrides: readonly ProfileOverride[]): Override[] =>
  overrides.map((override) => {
    const text = override.text ?? `${override.path.join('.')}=${JSON.stringify(override.value)}`;
    const base = { path: override.path, flag: `--set ${text}`, valueText: text.slice(text.indexOf('=') + 1) };
    if (!appliesTo(source, override.path)) return { ...base, applied: false };
    const refused = cannotSet(source, override.path);
    if (refused) return { ...base, applied: false, refused };
    source.document.setIn(override.path, override.value);
    return { ...base, applied: true };
  });

/** Reads, interpolates and validates a store profile; every problem is listed with file:line:col (or its --set flag). */
export const loadProfile = async (file: string, options: LoadOptions): Promise<LoadedProfile> => {
  const source = YamlSource.parse(file, await readProfileText(file));
  const unresolved = interpolateEnvironment(source, options.env, options.addSecret);
  const overrides = applyOverrides(source, options.overrides ?? []);
  const raw: unknown = source.document.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ProfileError('a profile is a YAML mapping (version, store, checks…)', source.positionOf([]));
  }
  const dir = path.dirname(path.resolve(file));
  const plugins = await loadPlugins(source, raw as Record<string, unknown>, dir, options);
  const checks = [...options.builtins, ...plugins];
  // Secret fields are known from the schema alone, and registered before any message could quote one.
  const fullSchema = buildProfileSchema(checks);
  registerSecretValues(fullSchema, raw, options.addSecret);
  for (const override of options.overrides ?? []) registerSecretOverride(fullSchema, override, options.addSecret);
  const judged = judgeProfile({ source, raw, fullSchema, checks, unresolved, overrides, selection: options.selection });
  if (!judged.success) throw new ProfileProblems(file, judged.problems);
  const logo = judged.profile.report?.logo;
  return { file, dir, profile: judged.profile, checks, ...(logo ? { logo: await readLogo(logo, dir, source) } : {}) };
};
