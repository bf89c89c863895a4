import { describe, expect, it } from 'vitest';
import { showInvisible, treeLines, visibleLength, wrap } from '../../src/report/layout.js';

describe('wrap', () => {
  const text = 'Evaluating the SPF record of bounce.acme.example takes 11 DNS lookups; the 11th is a permanent error';

  it('breaks only at spaces and keeps every line within the width', () => {
    const lines = wrap(text, 30);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join(' ')).toBe(text);
  });

  it('indents continuation lines by the hang, and leaves a word longer than the line whole', () => {
    expect(wrap('expected: aaaa bbbb cccc', 15, 10)).toEqual(['expected: aaaa', '          bbbb', '          cccc']);
    expect(wrap('x https://a-very-long-address.example/path', 10)).toEqual(['x', 'https://a-very-long-address.example/path']);
  });

  it('measures colour codes as taking no room', () => {
    expect(visibleLength('\u001b[31mFAIL\u001b[39m')).toBe(4);
    expect(wrap('\u001b[31maaaa\u001b[39m bbbb', 9)).toEqual(['\u001b[31maaaa\u001b[39m bbbb']);
  });
});

describe('showInvisible', () => {
  it('shows zero-width and control characters escaped, and leaves visible text alone', () => {
    expect(showInvisible('STOP\u200b')).toBe('STOP\\u200b');
    expect(showInvisible('\ufeffSTOP\u00a0ALL')).toBe('\\ufeffSTOP\\u00a0ALL');
    expect(showInvisible('ARRÊT — stop')).toBe('ARRÊT — stop');
  });
});

describe('treeLines', () => {
  it('draws each branch with its note under its parent', () => {
    const tree = {
      label: 'bounce.acme.example',
      note: '11 lookups',
      children: [
        { label: 'include:_spf.google.com', note: '4 lookups', children: [{ label: 'include:_netblocks.google.com', note: '1 lookup' }] },
        { label: 'mx', note: '1 lookup' },
      ],
    };
    expect(treeLines(tree)).toEqual([
      'bounce.acme.example  (11 lookups)',
      '├─ include:_spf.google.com  (4 lookups)',
      '│  └─ include:_netblocks.google.com  (1 lookup)',
      '└─ mx  (1 lookup)',
    ]);
  });
});
