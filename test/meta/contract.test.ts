import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinChecks } from '../../src/engine/registry.js';
import { SEVERITIES } from '../../src/engine/severity.js';
import { ROOT } from '../helpers/cli.js';

/** The repository polices itself: every rule is documented where users look for it. */
describe.each(builtinChecks.map((check) => [check.id, check] as const))('check %s', (id, check) => {
  const readme = readFileSync(path.join(ROOT, 'checks', id, 'README.md'), 'utf8');

  it.each(Object.entries(check.rules))('rule %s has its metadata and a README section', (rule, meta) => {
    expect(rule).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(SEVERITIES).toContain(meta.severity);
    for (const field of ['title', 'failureTitle', 'description', 'fix', 'ref'] as const) expect(meta[field].trim()).not.toBe('');
    expect(readme).toContain(`${id}/${rule}`);
  });
});
