/** Which checks an audit runs, and whether it gathers or judges saved artifacts. */
export interface CheckSelection {
  only: readonly string[];
  skip: readonly string[];
  /** Judging saved artifacts: nothing is gathered, so nothing only gathering uses (a token) is needed. */
  fromArtifacts: boolean;
}

/** Left out by --only or --skip: the check neither gathers nor is judged. */
export const isLeftOut = (checkId: string, selection: Pick<CheckSelection, 'only' | 'skip'>): boolean =>
  (selection.only.length > 0 && !selection.only.includes(checkId)) || selection.skip.includes(checkId);
