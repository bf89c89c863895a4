/**
 * The small JSON path a journey names values with: `token`, `items[0].key`, `updates["44:ab"]`.
 * Captures read with it, `expect.json` checks with it, and the HAR import writes it.
 */
export type JsonPathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$-]*$/;
const SEGMENT = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/;

/** The segments of a path, or undefined when it is not written in this syntax. */
export const parseJsonPath = (text: string): JsonPathSegment[] | undefined => {
  const segments: JsonPathSegment[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    // A leading dot is allowed only between segments.
    if (!match || (segments.length === 0 && rest.startsWith('.'))) return undefined;
    const [whole, key, index, quoted] = match;
    segments.push(key ?? (index !== undefined ? Number(index) : JSON.parse(`"${quoted ?? ''}"`) as string));
    rest = rest.slice(whole.length);
  }
  return segments.length > 0 ? segments : undefined;
};

export const formatJsonPath = (segments: readonly JsonPathSegment[]): string =>
  segments
    .map((segment, at) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (IDENTIFIER.test(segment)) return at === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');

/** The value at `path` in `value`, or undefined when any step of the way is missing. */
export const readJsonPath = (value: unknown, path: string): unknown => {
  let node = value;
  for (const segment of parseJsonPath(path) ?? []) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return parseJsonPath(path) ? node : undefined;
};
