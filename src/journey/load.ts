import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ProfileError } from '../lib/errors.js';
import { describeIssue, formatFieldPath } from '../profile/issues.js';
import { knownKeysAt } from '../profile/known-keys.js';
import { atPosition, ProfileProblems, type ProfileProblem } from '../profile/problems.js';
import { locate, oneKeyEach } from '../profile/validate.js';
import { YamlSource } from '../profile/yaml-source.js';
import { checkoutFromOf, journeyMistakes } from './consistency.js';
import { journeyFileSchema } from './schema.js';
import { interpolateEnvironment } from '../profile/interpolate.js';
import type { Journey } from './types.js';

/** Where `${NAME}` in a journey file comes from, and where a secret one is registered. */
export interface JourneyEnvironment {
  env?: Readonly<Record<string, string | undefined>>;
  addSecret?: (value: string) => void;
}

/** A journey file's problems, one line each with file:line:col and the field path; exit 2 like a profile's. */
export class JourneyProblems extends ProfileProblems {
  override name = 'JourneyProblems';
}

const readJourneyText = async (file: string): Promise<string> => {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProfileError(code === 'ENOENT' ? 'journey file not found' : `journey file cannot be read (${code ?? 'unknown error'})`, { file });
  }
};

const problemAt = (source: YamlSource, at: readonly (string | number)[], problem: string): ProfileProblem => ({
  where: atPosition(source.positionOf(at)),
  fieldPath: formatFieldPath(at) || undefined,
  problem,
});

/**
 * Reads and checks a journey file (YAML): the schema, then what spans steps (references to earlier
 * captures, unique names). `name` names the journey in reports; without it, the file's `name:`, else
 * the file's base name.
 */
export const loadJourney = async (file: string, name?: string, environment: JourneyEnvironment = {}): Promise<Journey> => {
  const source = YamlSource.parse(file, await readJourneyText(file));
  // `${NAME}` as in the profile: a staging token in a header stays out of the file, and is masked when its name says secret.
  const unresolved = interpolateEnvironment(source, environment.env ?? process.env, environment.addSecret ?? (() => undefined));
  if (unresolved.length > 0) {
    throw new JourneyProblems(file, unresolved.map((variable) => ({ where: atPosition(variable.position), fieldPath: formatFieldPath(variable.path) || undefined, problem: `environment variable ${variable.name} is not set` })));
  }
  const parsed = journeyFileSchema.safeParse(source.document.toJS(), { reportInput: true });
  if (!parsed.success) {
    const located = oneKeyEach(parsed.error.issues).map((issue) => ({ issue, ...locate(source, issue) }));
    // In the order of the file, as the profile's problems are listed.
    located.sort((a, b) => a.position.line - b.position.line || a.position.col - b.position.col);
    const problems = located.map(({ issue, position, path: at }) => ({
      where: atPosition(position),
      fieldPath: formatFieldPath(at) || undefined,
      problem: describeIssue(issue, (keysAt) => knownKeysAt(journeyFileSchema, keysAt)),
    }));
    throw new JourneyProblems(file, problems);
  }
  const steps = parsed.data.steps;
  const mistakes = journeyMistakes(steps);
  if (mistakes.length > 0) throw new JourneyProblems(file, mistakes.map((mistake) => problemAt(source, mistake.at, mistake.problem)));
  return {
    name: name ?? parsed.data.name ?? path.basename(file).replace(/\.ya?ml$/i, ''),
    steps,
    checkoutFrom: checkoutFromOf(steps),
  };
};
