import { describe, expect, it } from 'vitest';
import { pairOutputs } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/lib/errors.js';

describe('pairOutputs', () => {
  it.each([
    { args: [], expected: [{ format: 'terminal' }] },
    { args: ['--format', 'json'], expected: [{ format: 'json' }] },
    { args: ['--out', 'r.txt'], expected: [{ format: 'terminal', out: 'r.txt' }] },
    { args: ['--out', 'r.json'], expected: [{ format: 'json', out: 'r.json' }] },
    { args: ['--out=reports/r.xml'], expected: [{ format: 'junit', out: 'reports/r.xml' }] },
    { args: ['--out', 'R.MD'], expected: [{ format: 'markdown', out: 'R.MD' }] },
    { args: ['--out', 'notes.markdown'], expected: [{ format: 'markdown', out: 'notes.markdown' }] },
    { args: ['--out', 'client.html'], expected: [{ format: 'html', out: 'client.html' }] },
    { args: ['--out', 'q4check.sarif'], expected: [{ format: 'sarif', out: 'q4check.sarif' }] },
    { args: ['--out', 'q4check.sarif.json'], expected: [{ format: 'sarif', out: 'q4check.sarif.json' }] },
    { args: ['--out', 'client.HTM'], expected: [{ format: 'html', out: 'client.HTM' }] },
    { args: ['--out', 'reports/'], expected: [{ format: 'terminal', out: 'reports/' }] },
    { args: ['--format', 'junit', '--out', 'r.json'], expected: [{ format: 'junit', out: 'r.json' }] },
    { args: ['--out', 'r.json', '--format', 'markdown'], expected: [{ format: 'json', out: 'r.json' }, { format: 'markdown' }] },
    {
      args: ['--format', 'json', '--out', 'r.json', '--format', 'junit', '--out=r.xml', '--format=terminal'],
      expected: [{ format: 'json', out: 'r.json' }, { format: 'junit', out: 'r.xml' }, { format: 'terminal' }],
    },
    { args: ['--format', 'json', '--', '--format', 'junit'], expected: [{ format: 'json' }] },
  ])('pairs $args', ({ args, expected }) => {
    expect(pairOutputs(['node', 'q4check', 'audit', 'store.yaml', ...args])).toEqual(expected);
  });

  it.each([
    { args: ['--format', 'xml'], message: 'unknown format "xml"' },
    { args: ['--out', 'r.pdf'], message: '--out r.pdf: no format has that extension (.txt, .json, .xml, .md, .html, .sarif, .markdown, .htm, .sarif.json); give --format before --out' },
    { args: ['--out', 'report'], message: '--out report: no format has that extension' },
    { args: ['--out', 'r.json.bak'], message: '--out r.json.bak: no format has that extension' },
    { args: ['--format', 'json', '--out', 'a', '--out', 'b'], message: 'must follow the --format it belongs to' },
    { args: ['--format', 'json', '--format', 'junit'], message: 'only one format can go to standard output' },
  ])('refuses $args', ({ args, message }) => {
    expect(() => pairOutputs(args)).toThrow(UsageError);
    expect(() => pairOutputs(args)).toThrow(message);
  });
});
