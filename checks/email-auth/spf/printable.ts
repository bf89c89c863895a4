/** Record text quoted in a message: invisible and non-ASCII characters shown as \u{…} so a reader can see them. */
export const printable = (text: string): string =>
  text.replace(/[^\x20-\x7e]/gu, (char) => `\\u{${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
