import { ProfileError, type SourcePosition } from '../lib/errors.js';

/** More than this and the rest are counted: the first ones are usually the cause of the others. */
export const MAX_LISTED_PROBLEMS = 20;

/** One thing wrong with a profile, where the user fixes it: a line of the file or a --set flag. */
export interface ProfileProblem {
  /** `store.yaml:10:16`, or `--set checks.sms-routing.timeoutMs=abc` when the flag gave the value. */
  where: string;
  fieldPath?: string | undefined;
  problem: string;
}

export const atPosition = (position: SourcePosition | { file: string }): string =>
  'line' in position ? `${position.file}:${position.line}:${position.col}` : position.file;

const lineOf = (problem: ProfileProblem): string => ProfileError.format(problem.problem, { file: problem.where }, problem.fieldPath);

/** Every problem of one profile, one line each, as compilers list them; exit 2 like any ProfileError. */
export class ProfileProblems extends ProfileError {
  constructor(
    file: string,
    readonly problems: readonly ProfileProblem[],
  ) {
    const [first] = problems;
    super(first?.problem ?? 'is not a valid profile', { file: first?.where ?? file }, first?.fieldPath);
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map(lineOf);
    const more = problems.length - listed.length;
    if (more > 0) listed.push(`${file}: and ${more} more ${more === 1 ? 'problem' : 'problems'}`);
    this.message = listed.join('\n');
  }
}
