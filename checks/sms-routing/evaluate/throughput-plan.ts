import type { Verdict } from '../../../src/engine/define-check.js';
import { clock, localTime } from '../campaigns/local-time.js';
import { senderRate } from '../campaigns/throughput.js';
import { closesAt } from '../campaigns/windows.js';
import type { Campaign, SmsRoutingConfig, Throughput } from '../config.js';
import type { SmsRule } from '../rules.js';

/** Minutes left before the window closes, in the zone where it closes soonest after the start. */
const minutesAvailable = (campaign: Campaign): { zone: string; minutes: number } =>
  campaign.audienceTimezones
    .map((zone) => ({ zone, minutes: closesAt(zone, campaign) - localTime(campaign.sendAt, zone).minutes }))
    .sort((a, b) => a.minutes - b.minutes)[0]!;

/** What can still be done on the sender the profile has: a short code is already the fastest. */
const FIX_BY_KIND: Record<Throughput['kind'], string> = {
  'short-code': 'Start earlier, split the audience by time zone, or send fewer segments per message (one GSM-7 segment: no emoji, at most 160 characters); a short code is already the fastest sender.',
  'toll-free': 'Start earlier, split the audience by time zone, send fewer segments per message, or move the campaign to a short code (100 segments/s) or a well-vetted 10DLC campaign.',
  '10dlc': "Start earlier, split the audience by time zone, send fewer segments per message, raise the brand's vetting score for more throughput, or move the campaign to a short code.",
};

const CAP_FIX = "Split the campaign over several days, raise the brand's vetting score (T-Mobile's cap grows with it), or move the campaign to a short code, which has no daily cap.";

const judge = (campaign: Campaign, throughput: Throughput): Verdict<SmsRule> => {
  const rate = senderRate(throughput);
  const segments = campaign.recipients * campaign.segments;
  const minutesNeeded = segments / rate.mps / 60;
  const window = minutesAvailable(campaign);
  const evidence = { segments, mps: Number(rate.mps.toFixed(2)), basis: rate.basis, minutesNeeded: Math.ceil(minutesNeeded), minutesAvailable: Math.max(0, window.minutes), tightestZone: window.zone, dailyCap: rate.dailyCap ?? null };
  const base = { rule: 'throughput-plan', subject: campaign.name, expected: `≤ ${Math.max(0, window.minutes)} minutes (until ${clock(closesAt(window.zone, campaign))} in ${window.zone})`, found: `${Math.ceil(minutesNeeded)} minutes at ${evidence.mps} segments/s`, evidence } as const;
  if (rate.dailyCap !== undefined && campaign.recipients > rate.dailyCap) {
    return {
      ...base,
      status: 'fail',
      expected: `≤ ${rate.dailyCap.toLocaleString('en')} recipients a day (T-Mobile's cap for this 10DLC brand)`,
      found: `${campaign.recipients.toLocaleString('en')} recipients`,
      message: `"${campaign.name}" goes to ${campaign.recipients.toLocaleString('en')} recipients, above T-Mobile's daily cap of ${rate.dailyCap.toLocaleString('en')} for this 10DLC brand.`,
      fix: CAP_FIX,
    };
  }
  if (window.minutes <= 0 || minutesNeeded > window.minutes) {
    return {
      ...base,
      status: 'fail',
      message: `"${campaign.name}" needs ${Math.ceil(minutesNeeded)} minutes for ${segments.toLocaleString('en')} segments at ${evidence.mps}/s (${rate.basis}) but quiet hours begin in ${Math.max(0, window.minutes)} minutes in ${window.zone}.`,
      fix: FIX_BY_KIND[throughput.kind],
    };
  }
  return { ...base, status: 'pass', message: `"${campaign.name}" needs ${Math.ceil(minutesNeeded)} of the ${window.minutes} minutes before quiet hours begin in ${window.zone}.` };
};

export const throughputPlan = (config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  if (config.campaigns.length === 0) return [{ rule: 'throughput-plan', status: 'skip', subject: 'campaigns', message: 'No campaigns are planned in the profile.' }];
  const { throughput } = config;
  if (!throughput) return [{ rule: 'throughput-plan', status: 'skip', subject: 'campaigns', message: 'The profile gives no `throughput:` (short-code, toll-free or 10dlc), so send durations cannot be computed.' }];
  return config.campaigns.map((campaign) => judge(campaign, throughput));
};
