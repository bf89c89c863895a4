import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CI_SEED, fastCheckSettings } from '../helpers/fast-check-settings.js';

describe('fast-check seeds', () => {
  it('are fixed in CI, overridable with FC_SEED, and left random elsewhere', () => {
    expect(fastCheckSettings({ CI: 'true' })).toEqual({ seed: CI_SEED });
    expect(fastCheckSettings({ CI: '1', FC_SEED: '7' })).toEqual({ seed: 7 });
    expect(fastCheckSettings({ CI: '1', FC_SEED: 'soon' })).toEqual({ seed: CI_SEED });
    expect(fastCheckSettings({})).toEqual({});
  });

  it('are what every property of this run uses', () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSettings(process.env).seed);
    // Two runs of one property under the run's settings see the same first value exactly when a seed is fixed.
    const { seed } = fc.readConfigureGlobal();
    const first = () => fc.sample(fc.integer(), seed === undefined ? { numRuns: 1 } : { numRuns: 1, seed })[0];
    if (process.env.CI) expect(first()).toBe(first());
  });
});
