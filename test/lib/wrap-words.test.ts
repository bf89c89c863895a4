import { describe, expect, it } from 'vitest';
import { wrapWords } from '../../src/lib/wrap-words.js';

describe('wrapWords', () => {
  it.each([
    { text: 'one two three', width: 7, lines: ['one two', 'three'] },
    // Exactly at the width stays on the line; one past it moves on.
    { text: 'abc def', width: 7, lines: ['abc def'] },
    { text: 'abc defg', width: 7, lines: ['abc', 'defg'] },
    { text: 'a email-auth/spf-authorizes-ips b', width: 10, lines: ['a', 'email-auth/spf-authorizes-ips', 'b'] },
    { text: '  spaced \n out  ', width: 80, lines: ['spaced out'] },
    { text: '', width: 10, lines: [] },
  ])('$text at $width', ({ text, width, lines }) => {
    expect(wrapWords(text, width)).toEqual(lines);
  });
});
