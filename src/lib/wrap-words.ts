/**
 * Breaks text into lines of at most `width` characters at spaces. A word longer than the width
 * keeps a line of its own, whole: an id or a URL cut in two cannot be searched for or copied.
 */
export const wrapWords = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
};
