import { build, type Histogram } from 'hdr-histogram-js';
import type { Percentiles } from './types.js';

/**
 * Latencies in an HDR histogram (the library autocannon uses), in microseconds with 3 significant digits:
 * 0.1% precision at any size, memory fixed whatever the count. The pure-JS build: the WebAssembly one
 * needs an asynchronous start-up that every caller would have to wait for.
 */
export class LatencyHistogram {
  readonly #histogram: Histogram = build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000_000,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });

  record(ms: number): void {
    this.#histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
  }

  summary(): Percentiles {
    const histogram = this.#histogram;
    const count = histogram.totalCount;
    if (count === 0) return { count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 };
    const ms = (micros: number): number => Math.round(micros) / 1000;
    return {
      count,
      p50: ms(histogram.getValueAtPercentile(50)),
      p90: ms(histogram.getValueAtPercentile(90)),
      p95: ms(histogram.getValueAtPercentile(95)),
      p99: ms(histogram.getValueAtPercentile(99)),
      max: ms(histogram.maxValue),
      mean: ms(histogram.mean),
    };
  }
}
