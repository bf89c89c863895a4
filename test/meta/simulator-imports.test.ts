import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const IMPORT = /from\s+'([^']+)'/g;

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });

/**
 * A simulator that borrowed the check's code would agree with the check by construction, so a mistake
 * in that code could never show in a test: simulators speak what both share from src/, never checks/.
 */
describe('the simulators', () => {
  it('import nothing from checks/', () => {
    const borrowed = sourceFiles(path.join(ROOT, 'src/simulators')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(IMPORT)]
        .map((match) => path.resolve(path.dirname(file), match[1]!))
        .filter((target) => target.startsWith(path.join(ROOT, 'checks') + path.sep))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(borrowed).toEqual([]);
  });
});
