import { describe, expect, it } from 'vitest';
import { GeneratorWatch, LATE_START_MS } from '../../src/load/generator-watch.js';

describe('the generator watch', () => {
  it('counts starts later than the limit and calls the generator behind past 5% of them', () => {
    const watch = new GeneratorWatch();
    for (let index = 0; index < 100; index++) watch.noteStart(index < 6 ? LATE_START_MS + 1 : LATE_START_MS);
    const health = watch.finish(100);
    expect(health.lateStarts).toBe(6);
    expect(health.behind).toBe(true);
  });

  it('is not behind with late starts at 5% or fewer', () => {
    const watch = new GeneratorWatch();
    for (let index = 0; index < 100; index++) watch.noteStart(index < 5 ? 500 : 0);
    const health = watch.finish(100);
    expect(health.lateStarts).toBe(5);
    expect(health.cpuShare).toBeGreaterThanOrEqual(0);
    // The loop's own delay could still call it behind on a crowded machine; only the late-start share is judged here.
    expect(health.eventLoopDelayP99Ms > 100 || !health.behind).toBe(true);
  });
});
