import { defineCheck } from '../../src/engine/define-check.js';
import { config, type CheckoutLoadConfig } from './config.js';
import { evaluate } from './evaluate.js';
import { gather } from './gather.js';
import { rules } from './rules.js';

/** The run, the hammer, and time for the last sessions to finish or time out, with a margin. */
const timeLimit = (section: CheckoutLoadConfig): number =>
  Math.min(section.duration, section.limits.maxDuration) + (section.hammer === false ? 0 : section.hammer.duration) + 10 * section.requestTimeout + 30_000;

export default defineCheck({
  id: 'checkout-load',
  title: 'Checkout under peak load',
  description:
    "Recorded checkout journeys (the native checkout and an accelerated wallet) replayed at last year's peak plus growth and a buffer, as an open arrival model: throughput, latency from each request's intended start, errors, throttling and cart consistency, against an authorised target only.",
  config,
  rules,
  timeoutMs: timeLimit,
  gather,
  evaluate,
});
