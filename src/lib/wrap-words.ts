// eslint-disable-next-line no-control-regex -- ANSI colour codes take no room on screen
const ANSI = /\u001b\[[0-9;]*m/g;

export const visibleLength = (text: string): number => text.replace(ANSI, '').length;

/**
 * Wraps at word boundaries to `width` columns; continuation lines get `hang` spaces so a labelled
 * value ("expected: …") stays aligned. A word longer than a line is left whole rather than broken.
 */
export const wrap = (text: string, width: number, hang = 0): string[] => {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = lines.length > 0 ? ' '.repeat(hang) : '';
    let empty = true;
    for (const word of paragraph.split(' ')) {
      if (empty) {
        line += word;
        empty = false;
        continue;
      }
      if (visibleLength(line) + 1 + visibleLength(word) > width) {
        lines.push(line);
        line = `${' '.repeat(hang)}${word}`;
      } else {
        line += ` ${word}`;
      }
    }
    lines.push(line);
  }
  return lines;
};

/**
 * Breaks text into lines of at most `width` characters at spaces, runs of white space folded. A word longer
 * than the width keeps a line of its own, whole: an id or a URL cut in two cannot be searched for or copied.
 */
export const wrapWords = (text: string, width: number): string[] => {
  const folded = text.split(/\s+/).filter(Boolean).join(' ');
  return folded ? wrap(folded, width) : [];
};
