import type { Verdict } from '../../../src/engine/define-check.js';
import { clock, localTime } from '../campaigns/local-time.js';
import { FEDERAL_WINDOW, STRICT_CLOSE, strictStatesIn } from '../campaigns/windows.js';
import type { Campaign, SmsRoutingConfig } from '../config.js';
import type { SmsRule } from '../rules.js';

interface ZoneCheck {
  zone: string;
  local: string;
  level: 'ok' | 'warn' | 'fail';
  why?: string;
}

const checkZone = (campaign: Campaign, zone: string): ZoneCheck => {
  const { minutes } = localTime(campaign.sendAt, zone);
  const local = clock(minutes);
  if (minutes < FEDERAL_WINDOW.opens) return { zone, local, level: 'fail', why: 'before 08:00' };
  if (minutes >= FEDERAL_WINDOW.closes) return { zone, local, level: 'fail', why: 'after 21:00' };
  if (minutes >= STRICT_CLOSE) {
    const strict = strictStatesIn(zone, campaign);
    if (strict.confirmed) return { zone, local, level: 'fail', why: `after 20:00, the limit in ${strict.states.join(', ')}` };
    if (strict.states.length > 0) return { zone, local, level: 'warn', why: `after 20:00, the limit in ${strict.states.join(', ')} if the audience includes them` };
  }
  return { zone, local, level: 'ok' };
};

/** Each campaign's start, in every zone of its audience, against 08:00–21:00 (20:00 in FL, OK, MD). */
export const quietHours = (config: SmsRoutingConfig): Verdict<SmsRule>[] => {
  if (config.campaigns.length === 0) {
    return [{ rule: 'quiet-hours', status: 'skip', subject: 'campaigns', message: 'No campaigns are planned in the profile, so there are no send times to check.' }];
  }
  return config.campaigns.map((campaign) => {
    const zones = campaign.audienceTimezones.map((zone) => checkZone(campaign, zone));
    const worst = zones.find((zone) => zone.level === 'fail') ?? zones.find((zone) => zone.level === 'warn');
    const found = zones.map((zone) => `${zone.local} ${zone.zone}`).join(', ');
    const base = { rule: 'quiet-hours', subject: campaign.name, expected: '08:00–21:00 local (20:00 in FL, OK, MD)', found, evidence: { sendAt: campaign.sendAt, zones: zones.map((zone) => ({ ...zone })) } } as const;
    if (!worst) return { ...base, status: 'pass', message: `"${campaign.name}" starts inside quiet hours in every audience zone (${found}).` };
    return {
      ...base,
      status: worst.level === 'fail' ? 'fail' : 'warn',
      message: `"${campaign.name}" starts at ${worst.local} in ${worst.zone}, ${worst.why}.`,
    };
  });
};
