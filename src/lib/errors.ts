/**
 * Errors the CLI knows how to explain in one line and exit 2 on. Anything else is an internal error:
 * a bug, shown with its stack only under --debug.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface SourcePosition {
  file: string;
  line: number;
  col: number;
}

/** A problem with a profile, pointing at file:line:col and the field path. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  constructor(
    readonly problem: string,
    readonly position: SourcePosition | { file: string },
    readonly fieldPath?: string,
  ) {
    super(ProfileError.format(problem, position, fieldPath));
  }

  static format(problem: string, position: SourcePosition | { file: string }, fieldPath?: string): string {
    const where = 'line' in position ? `${position.file}:${position.line}:${position.col}` : position.file;
    return fieldPath ? `${where}: ${fieldPath}: ${problem}` : `${where}: ${problem}`;
  }
}
