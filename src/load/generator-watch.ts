import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { GeneratorHealth } from './types.js';

/** A session this late was started by a generator that could not keep up, not as planned. */
export const LATE_START_MS = 100;
const BEHIND_LATE_SHARE = 0.05;
const BEHIND_LOOP_P99_MS = 100;

/**
 * Watches the load generator itself (event-loop delay, CPU, late starts) so a report can say the
 * generator fell behind instead of blaming the store.
 */
export class GeneratorWatch {
  readonly #loop = monitorEventLoopDelay({ resolution: 10 });
  readonly #cpuAtStart = process.cpuUsage();
  readonly #wallAtStart = performance.now();
  #lateStarts = 0;

  constructor() {
    this.#loop.enable();
  }

  noteStart(lateByMs: number): void {
    if (lateByMs > LATE_START_MS) this.#lateStarts++;
  }

  finish(started: number): GeneratorHealth {
    this.#loop.disable();
    const cpu = process.cpuUsage(this.#cpuAtStart);
    const wallMicros = Math.max(1, (performance.now() - this.#wallAtStart) * 1000);
    const loopP99Ms = this.#loop.count > 0 ? this.#loop.percentile(99) / 1e6 : 0;
    const lateShare = started > 0 ? this.#lateStarts / started : 0;
    return {
      lateStarts: this.#lateStarts,
      eventLoopDelayP99Ms: Math.round(loopP99Ms * 10) / 10,
      cpuShare: Math.round(((cpu.user + cpu.system) / wallMicros) * 100) / 100,
      behind: lateShare > BEHIND_LATE_SHARE || loopP99Ms > BEHIND_LOOP_P99_MS,
    };
  }
}
