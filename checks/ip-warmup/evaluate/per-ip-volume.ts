import type { Verdict, VerdictStatus } from '../../../src/engine/define-check.js';
import type { IpWarmupConfig, Thresholds } from '../config.js';
import { count, perDay, plural } from '../format.js';
import { highestPlanned, resolvePlans, type IpPlan } from '../plan.js';
import { ALL_IPS, type RuleEvaluator } from '../types.js';

const statusFor = (volume: number, t: Thresholds): VerdictStatus =>
  volume > t.perIpFail ? 'fail' : volume > t.perIpWarn ? 'warn' : 'pass';

/** How many IPs the peak needs at the warn limit per IP. */
const ipsNeeded = (config: IpWarmupConfig): number =>
  Math.ceil(config.peakDailyVolume / Math.max(1, config.thresholds.perIpWarn));

/** The limit that decided the status: the warn limit for a pass or a warn, the fail limit for a fail. */
const limitFor = (status: VerdictStatus, t: Thresholds): number => (status === 'fail' ? t.perIpFail : t.perIpWarn);

const expectedText = (status: VerdictStatus, t: Thresholds): string => `≤ ${perDay(limitFor(status, t))} per IP`;

const judgeIp = (plan: IpPlan, config: IpWarmupConfig): Verdict<'per-ip-volume'> => {
  const t = config.thresholds;
  const highest = highestPlanned(plan);
  const status = statusFor(highest, t);
  const needed = ipsNeeded(config);
  return {
    rule: 'per-ip-volume',
    subject: plan.address,
    status,
    message:
      status === 'pass'
        ? `${plan.address} plans at most ${perDay(highest)}, a volume one IP can carry.`
        : `${plan.address} plans up to ${perDay(highest)}, more than ${count(limitFor(status, t))} for one IP; ${perDay(config.peakDailyVolume)} at the peak needs ${plural(needed, 'IP')}.`,
    expected: expectedText(status, t),
    found: perDay(highest),
    evidence: { highest, warnAbove: t.perIpWarn, failAbove: t.perIpFail, ipsNeeded: needed },
  };
};

/** Even when each plan is modest, too few IPs cannot carry the peak without one of them going over. */
const judgePool = (config: IpWarmupConfig): Verdict<'per-ip-volume'> => {
  const t = config.thresholds;
  const ips = config.ips.length;
  const share = config.peakDailyVolume / ips;
  const status = statusFor(share, t);
  const needed = ipsNeeded(config);
  return {
    rule: 'per-ip-volume',
    subject: ALL_IPS,
    status,
    message:
      status === 'pass'
        ? `${perDay(config.peakDailyVolume)} over ${plural(ips, 'IP')} is ${perDay(Math.ceil(share))} each, within what one IP can carry.`
        : `${perDay(config.peakDailyVolume)} over ${plural(ips, 'IP')} is ${perDay(Math.ceil(share))} each, more than ${count(limitFor(status, t))} per IP; use at least ${plural(needed, 'IP')}.`,
    expected: expectedText(status, t),
    found: `${perDay(Math.ceil(share))} per IP`,
    evidence: { peakDailyVolume: config.peakDailyVolume, ips, share: Math.ceil(share), ipsNeeded: needed },
  };
};

/** Each IP's highest planned day, and the peak volume split over the pool. */
export const perIpVolume: RuleEvaluator<'per-ip-volume'> = (_artifact, config) => [
  ...resolvePlans(config).map((plan) => judgeIp(plan, config)),
  judgePool(config),
];
