import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { AnyCheck } from '../engine/define-check.js';
import { ProfileError } from '../lib/errors.js';
import { interpolateEnvironment } from './interpolate.js';
import { describeIssue, formatFieldPath } from './issues.js';
import { knownKeysAt } from './known-keys.js';
import { buildProfileSchema, type Profile } from './schema.js';
import { YamlSource } from './yaml-source.js';

export interface LoadedProfile {
  /** The path as the user gave it: messages name it so, never an absolute path of this machine. */
  file: string;
  dir: string;
  profile: Profile;
  /** Built-in checks followed by the profile's plugins. */
  checks: AnyCheck[];
}

/** A value given on the command line for a field of the profile: `--set checks.sms-routing.webhook=…`. */
export interface ProfileOverride {
  path: (string | number)[];
  value: unknown;
}

export interface LoadOptions {
  builtins: readonly AnyCheck[];
  overrides?: readonly ProfileOverride[];
  env: Readonly<Record<string, string | undefined>>;
  addSecret(value: string): void;
  loadPlugin(specifier: string, profileDir: string): Promise<AnyCheck>;
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
  for (const [index, specifier] of specifiers.entries()) {
    if (typeof specifier !== 'string') continue; // the schema reports the wrong type
    const where = source.positionOf(['plugins', index]);
    try {
      const plugin = await options.loadPlugin(specifier, dir);
      if ([...options.builtins, ...plugins].some((check) => check.id === plugin.id)) {
        throw new Error(`a check with id "${plugin.id}" is already loaded`);
      }
      plugins.push(plugin);
    } catch (error) {
      throw new ProfileError(`plugin "${specifier}" could not be loaded: ${(error as Error).message}`, where, `plugins[${index}]`);
    }
  }
  return plugins;
};

/** Where an issue points: at the offending key for unknown or invalid keys, else at the value. */
const locate = (source: YamlSource, issue: z.core.$ZodIssue) => {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { position: source.positionOfKey(issue.path, key), path: [...issue.path, key] };
  }
  if (issue.code === 'invalid_key') {
    return { position: source.positionOfKey(issue.path.slice(0, -1), String(issue.path.at(-1))), path: issue.path };
  }
  return { position: source.positionOf(issue.path), path: issue.path };
};

const isMissingField = (issue: z.core.$ZodIssue) => issue.code === 'invalid_type' && issue.input === undefined;

/**
 * Document order, except that a missing field comes after everything else: next to an unknown key it
 * is usually the same typo, and the unknown key's "did you mean" explains both.
 */
const offsetOrder = (source: YamlSource) => (issue: z.core.$ZodIssue) => {
  const { line, col } = locate(source, issue).position;
  return (isMissingField(issue) ? 1e12 : 0) + line * 100_000 + col;
};

const toProfileError = (source: YamlSource, schema: z.core.$ZodType, issues: z.core.$ZodIssue[]): ProfileError => {
  const order = offsetOrder(source);
  const [first, ...rest] = [...issues].sort((a, b) => order(a) - order(b));
  const { position, path: fieldPath } = locate(source, first!);
  const more = rest.length > 0 ? ` (and ${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  const problem = describeIssue(first!, (at) => knownKeysAt(schema, at)) + more;
  return new ProfileError(problem, position, formatFieldPath(fieldPath) || undefined);
};

/** Reads, interpolates and validates a store profile; every problem is a ProfileError with file:line:col. */
export const loadProfile = async (file: string, options: LoadOptions): Promise<LoadedProfile> => {
  const source = YamlSource.parse(file, await readProfileText(file));
  interpolateEnvironment(source, options.env, options.addSecret);
  // An override changes a section the profile has; across several profiles it leaves the others alone.
  for (const override of options.overrides ?? []) {
    if (source.document.hasIn(override.path.slice(0, -1))) source.document.setIn(override.path, override.value);
  }
  const raw: unknown = source.document.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ProfileError('a profile is a YAML mapping (version, store, checks…)', source.positionOf([]));
  }
  const dir = path.dirname(path.resolve(file));
  const plugins = await loadPlugins(source, raw as Record<string, unknown>, dir, options);
  const checks = [...options.builtins, ...plugins];
  const schema = buildProfileSchema(checks);
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw toProfileError(source, schema, parsed.error.issues);
  return { file, dir, profile: parsed.data, checks };
};
