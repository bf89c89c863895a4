/** A zone file problem, pointing at file:line like the servers that will load the same file. */
export class ZoneSyntaxError extends Error {
  override name = 'ZoneSyntaxError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly problem: string,
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
  }
}
