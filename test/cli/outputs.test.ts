import { describe, expect, it } from 'vitest';
import { pairOutputs } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/lib/errors.js';

describe('pairOutputs', () => {
  it.each([
    { args: [], expected: [{ format: 'terminal' }] },
    { args: ['--format', 'json'], expected: [{ format: 'json' }] },
    { args: ['--out', 'r.txt'], expected: [{ format: 'terminal', out: 'r.txt' }] },
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
    { args: ['--format', 'json', '--out', 'a', '--out', 'b'], message: 'must follow the --format it belongs to' },
    { args: ['--format', 'json', '--format', 'junit'], message: 'only one format can go to standard output' },
  ])('refuses $args', ({ args, message }) => {
    expect(() => pairOutputs(args)).toThrow(UsageError);
    expect(() => pairOutputs(args)).toThrow(message);
  });
});
