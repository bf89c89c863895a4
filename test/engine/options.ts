import type { AnyCheck } from '../../src/engine/define-check.js';
import type { RunOptions } from '../../src/engine/run.js';
import type { Profile } from '../../src/profile/schema.js';

/** Run options for engine tests: the given checks, each with an empty section, no IO anywhere. */
export const options = (checks: AnyCheck[], profile: Partial<Profile> = {}, extra: Partial<RunOptions> = {}): RunOptions => ({
  loaded: {
    file: 'store.yaml',
    dir: '.',
    checks,
    profile: {
      version: 1,
      store: { name: 'Test', timezone: 'UTC' },
      checks: Object.fromEntries(checks.map((check) => [check.id, {}])),
      ...profile,
    } as Profile,
  },
  context: { today: '2026-11-01', peak: { name: 'BF', start: '2026-11-27', end: '2026-11-30', derived: false }, store: { name: 'Test', timezone: 'UTC' } },
  failOn: 'high',
  only: [],
  skip: [],
  signal: new AbortController().signal,
  logger: { info: () => undefined, debug: () => undefined },
  addSecret: () => undefined,
  redact: (text) => text,
  dns: { query: () => Promise.reject(new Error('no DNS in engine tests')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) },
  toolVersion: '0.0.0',
  ...extra,
});
