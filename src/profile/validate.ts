import { z } from 'zod';
import type { AnyCheck } from '../engine/define-check.js';
import { closestMatch, didYouMean } from '../lib/did-you-mean.js';
import type { UnresolvedVariable } from './interpolate.js';
import { describeIssue, formatFieldPath, quoteHint } from './issues.js';
import { knownKeysAt, schemasAt } from './known-keys.js';
import { atPosition, type ProfileProblem } from './problems.js';
import { buildProfileSchema, type Profile } from './schema.js';
import { isSecretFieldAt } from './secret-fields.js';
import { isLeftOut, type CheckSelection } from './selection.js';
import type { FieldPath, YamlSource } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** A --set that changed this profile: problems with what it set name the flag. */
export interface Override {
  path: FieldPath;
  /** False where the profile has no section for it to change (another profile of the run may). */
  applied: boolean;
  /** Why it could not be applied, when that is a mistake in the flag. */
  refused?: string;
  /** `--set checks.sms-routing.timeoutMs=abc` */
  flag: string;
  /** `abc`: how the value was written, for the quoting hint. */
  valueText: string;
}

export interface ProfileToJudge {
  source: YamlSource;
  raw: unknown;
  /** The schema with every section judged in full: it names known keys and secret fields. */
  fullSchema: z.core.$ZodType;
  checks: readonly AnyCheck[];
  unresolved: readonly UnresolvedVariable[];
  overrides: readonly Override[];
  selection?: CheckSelection | undefined;
}

export type Judged = { success: true; profile: Profile } | { success: false; problems: ProfileProblem[] };

const isUnder = (path: FieldPath, prefix: FieldPath): boolean =>
  prefix.length <= path.length && prefix.every((segment, index) => String(segment) === String(path[index]));

/** Where an issue points: at the offending key for unknown or invalid keys, else at the value. */
export const locate = (source: YamlSource, issue: Issue) => {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { position: source.positionOfKey(issue.path, key), path: [...issue.path, key] };
  }
  if (issue.code === 'invalid_key') {
    return { position: source.positionOfKey(issue.path.slice(0, -1), String(issue.path.at(-1))), path: issue.path };
  }
  return { position: source.positionOf(issue.path), path: issue.path };
};

/** One issue per unknown key: each is a separate mistake, with its own line and "did you mean". */
export const oneKeyEach = (issues: readonly Issue[]): Issue[] =>
  issues.flatMap((issue): Issue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]));

const isMissingField = (issue: Issue) => issue.code === 'invalid_type' && issue.input === undefined;

/** `store.timzone` unknown and `store.timezone` missing are one typo: its "did you mean" says both. */
const explainedByTypo = (issue: Issue, issues: readonly Issue[], knownKeys: (path: FieldPath) => string[]): boolean => {
  if (!isMissingField(issue)) return false;
  const mapping = issue.path.slice(0, -1);
  const field = String(issue.path.at(-1));
  return issues.some(
    (other) => other.code === 'unrecognized_keys' && isUnder(other.path, mapping) && other.path.length === mapping.length && other.keys.some((key) => closestMatch(key, knownKeys(mapping)) === field),
  );
};

/**
 * A left-out check's section is still checked for mistakes, except where an unset variable stands: its
 * value is never used, so neither is the variable. Its parsed value is never read either.
 */
const leftOutSection = (config: z.ZodType, variablePaths: readonly FieldPath[]) =>
  z.unknown().superRefine((value, ctx) => {
    const result = config.safeParse(value, { reportInput: true });
    if (result.success) return;
    for (const issue of result.error.issues) {
      if (!variablePaths.some((at) => isUnder(issue.path, at))) ctx.addIssue({ ...issue });
    }
  });

/**
 * Whether an unset variable's value is used: always outside `checks`; in a check's section unless the
 * check is left out, or judged from saved artifacts and the field is a secret (only gathering uses one).
 */
const isNeeded = (variable: UnresolvedVariable, input: ProfileToJudge): boolean => {
  const [top, checkId] = variable.path;
  if (top !== 'checks' || typeof checkId !== 'string' || input.selection === undefined) return true;
  if (isLeftOut(checkId, input.selection)) return false;
  return !(input.selection.fromArtifacts && isSecretFieldAt(input.fullSchema, variable.path));
};

const variableProblem = (variable: UnresolvedVariable, fromArtifacts: boolean): ProfileProblem => ({
  where: atPosition(variable.position),
  problem: `environment variable ${variable.name} is not set${fromArtifacts ? ' (saved artifacts are judged with it: only secret fields may stay unset)' : ''}`,
});

interface Ordered {
  order: number;
  problem: ProfileProblem;
}

// Problems with a --set come after the file's, in the order of the flags.
const OVERRIDE_ORDER = 2e12;
// A missing field comes after the file's other problems: next to an unknown key it is usually the same typo.
const MISSING_ORDER = 1e12;

/** A problem said of a --set flag; the field path only where it is not the flag's own. */
const flagProblem = (override: Override, index: number, problem: string, path?: FieldPath): Ordered => {
  const fieldPath = path && formatFieldPath(path) !== formatFieldPath(override.path) ? formatFieldPath(path) : undefined;
  return { order: OVERRIDE_ORDER + index, problem: { where: override.flag, fieldPath, problem } };
};

/** How the value was written, for the quoting hint; never a secret's own text (YAML may have changed it: 0x1F). */
const writtenAs = (input: ProfileToJudge, issue: Issue, path: FieldPath, override: Override | undefined): string | undefined => {
  if (isSecretFieldAt(input.fullSchema, path)) return String(issue.input);
  if (override) return formatFieldPath(override.path) === formatFieldPath(path) ? override.valueText : undefined;
  return input.source.plainTextAt(path);
};

const issueProblem = (issue: Issue, input: ProfileToJudge): Ordered => {
  const { position, path } = locate(input.source, issue);
  // The flag's, when the issue is in what it set or in a mapping it added (`ips.1.start` adds ips[1]).
  const added = input.source.addedAlong(path);
  const overrideIndex = input.overrides.findIndex(
    (override) => override.applied && (isUnder(path, override.path) || (added !== undefined && isUnder(override.path, added))),
  );
  const override = input.overrides[overrideIndex];
  const problem = describeIssue(issue, (at) => knownKeysAt(input.fullSchema, at)) + quoteHint(issue, writtenAs(input, issue, path, override));
  if (override) return flagProblem(override, overrideIndex, problem, path);
  const order = (isMissingField(issue) ? MISSING_ORDER : 0) + position.line * 100_000 + position.col;
  return { order, problem: { where: atPosition(position), fieldPath: formatFieldPath(path) || undefined, problem } };
};

/** A --set that could not be applied: inside a single value, or a field no schema has (`checks.sms-rooting.webhook`). */
const unappliedOverrideProblems = (input: ProfileToJudge): Ordered[] =>
  input.overrides.flatMap((override, index) => {
    if (override.refused) return [flagProblem(override, index, override.refused)];
    if (override.applied) return [];
    const unknown = override.path.findIndex((_, at) => schemasAt(input.fullSchema, override.path.slice(0, at + 1)).length === 0);
    if (unknown < 0) return [];
    const key = String(override.path[unknown]);
    const problem = `unknown key "${key}"${didYouMean(key, knownKeysAt(input.fullSchema, override.path.slice(0, unknown)))}`;
    return [flagProblem(override, index, problem, override.path.slice(0, unknown + 1))];
  });

/** Validates the interpolated profile: every problem found, each where the user fixes it. */
export const judgeProfile = (input: ProfileToJudge): Judged => {
  const unresolved = input.unresolved.filter((variable) => !input.overrides.some((override) => override.applied && isUnder(variable.path, override.path)));
  const { selection } = input;
  const schema = buildProfileSchema(input.checks, (check) => {
    if (selection === undefined || !isLeftOut(check.id, selection)) return check.config;
    const inSection = unresolved.filter((variable) => variable.path[0] === 'checks' && variable.path[1] === check.id);
    return leftOutSection(check.config, inSection.map((variable) => variable.path.slice(2)));
  });
  const parsed = schema.safeParse(input.raw, { reportInput: true });
  const issues = oneKeyEach(parsed.success ? [] : parsed.error.issues);
  const knownKeys = (at: FieldPath) => knownKeysAt(input.fullSchema, at);
  const atVariable = (issue: Issue) => unresolved.filter((variable) => isUnder(locate(input.source, issue).path, variable.path));
  // A value with an unset variable cannot be judged: the variable is the problem, said once.
  const rejected = new Set(issues.flatMap(atVariable));
  const variables = unresolved.filter((variable) => rejected.has(variable) || isNeeded(variable, input));
  const ordered: Ordered[] = [
    ...variables.map((variable) => ({
      order: variable.position.line * 100_000 + variable.position.col,
      problem: variableProblem(variable, selection?.fromArtifacts === true && variable.path[0] === 'checks' && isNeeded(variable, input)),
    })),
    ...issues
      .filter((issue) => atVariable(issue).length === 0 && !explainedByTypo(issue, issues, knownKeys))
      .map((issue) => issueProblem(issue, input)),
    ...unappliedOverrideProblems(input),
  ];
  if (ordered.length === 0 && parsed.success) return { success: true, profile: parsed.data };
  return { success: false, problems: ordered.sort((a, b) => a.order - b.order).map((entry) => entry.problem) };
};
