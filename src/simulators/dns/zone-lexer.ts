import { ZoneSyntaxError } from './zone-error.js';

/** A word or quoted string of a master file, escapes left as written (they mean different things in names and text). */
export interface Token {
  text: string;
  quoted: boolean;
  line: number;
}

/** One logical entry: a physical line, or several joined by parentheses. */
export interface Entry {
  line: number;
  /** The entry starts with a blank: the owner is the previous record's (RFC 1035 §5.1). */
  blankOwner: boolean;
  tokens: Token[];
}

/** Splits master-file text into entries: comments dropped, parentheses joined, quotes and escapes respected. */
export function lexZone(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  const lines = text.split(/\r?\n/);
  let entry: Entry = { line: 1, blankOwner: false, tokens: [] };
  let depth = 0;
  let openedAt = 0;
  lines.forEach((content, index) => {
    const line = index + 1;
    if (depth === 0) {
      if (entry.tokens.length > 0) entries.push(entry);
      entry = { line, blankOwner: /^[ \t]/.test(content), tokens: [] };
    }
    const { tokens } = entry;
    let i = 0;
    while (i < content.length) {
      const char = content[i] as string;
      if (char === ' ' || char === '\t') {
        i += 1;
      } else if (char === ';') {
        break;
      } else if (char === '(') {
        if (depth === 0) openedAt = line;
        depth += 1;
        i += 1;
      } else if (char === ')') {
        if (depth === 0) throw new ZoneSyntaxError(file, line, "')' without a matching '('");
        depth -= 1;
        i += 1;
      } else if (char === '"') {
        const end = scan(content, i + 1, (c) => c === '"');
        if (end >= content.length) throw new ZoneSyntaxError(file, line, 'quoted string not closed on this line');
        tokens.push({ text: content.slice(i + 1, end), quoted: true, line });
        i = end + 1;
      } else {
        const end = scan(content, i, (c) => ' \t;()"'.includes(c));
        tokens.push({ text: content.slice(i, end), quoted: false, line });
        i = end;
      }
    }
  });
  if (depth > 0) throw new ZoneSyntaxError(file, openedAt, "'(' is never closed");
  if (entry.tokens.length > 0) entries.push(entry);
  return entries;
}

/** The index of the first unescaped character satisfying `stop`, or the line's length. */
function scan(content: string, from: number, stop: (char: string) => boolean): number {
  let i = from;
  while (i < content.length) {
    const char = content[i] as string;
    if (char === '\\') i += 2;
    else if (stop(char)) return i;
    else i += 1;
  }
  return content.length;
}
