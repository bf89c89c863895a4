import type { GatherContext } from '../../../src/engine/define-check.js';

const EVERY_MS = 250;

/** "340 DNS questions" on the spinner while gathering, and once more at the end; returns the stop. */
export const reportDnsProgress = (ctx: Pick<GatherContext, 'dns' | 'progress'>): (() => void) => {
  const tell = () => ctx.progress(`${ctx.dns.stats().sent} DNS questions`);
  const timer = setInterval(tell, EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    tell();
  };
};
