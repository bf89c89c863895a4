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
  /** The window that decided the level. */
  window?: string;
}

const FEDERAL = `${clock(FEDERAL_WINDOW.opens)}–${clock(FEDERAL_WINDOW.closes)} local`;
const FEDERAL_QUIET = `quiet hours (${clock(FEDERAL_WINDOW.closes)}–${clock(FEDERAL_WINDOW.opens)} local)`;
const strictWindow = (states: string[]): string => `${clock(FEDERAL_WINDOW.opens)}–${clock(STRICT_CLOSE)} local in ${states.join(', ')}`;
const strictQuiet = (states: string[]): string => `the quiet hours of ${states.join(', ')} (${clock(STRICT_CLOSE)}–${clock(FEDERAL_WINDOW.opens)} local)`;

const checkZone = (campaign: Campaign, zone: string): ZoneCheck => {
  const { minutes } = localTime(campaign.sendAt, zone);
  const local = clock(minutes);
  if (minutes < FEDERAL_WINDOW.opens || minutes >= FEDERAL_WINDOW.closes) return { zone, local, level: 'fail', why: `inside ${FEDERAL_QUIET}`, window: FEDERAL };
  if (minutes >= STRICT_CLOSE) {
    const strict = strictStatesIn(zone, campaign);
    if (strict.confirmed) return { zone, local, level: 'fail', why: `inside ${strictQuiet(strict.states)}`, window: strictWindow(strict.states) };
    if (strict.states.length > 0) return { zone, local, level: 'warn', why: `inside ${strictQuiet(strict.states)} if the audience includes them`, window: strictWindow(strict.states) };
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
    const base = { rule: 'quiet-hours', subject: campaign.name, found, evidence: { sendAt: campaign.sendAt, zones: zones.map((zone) => ({ ...zone })) } } as const;
    if (!worst) return { ...base, status: 'pass', expected: `${FEDERAL} (to ${clock(STRICT_CLOSE)} in FL, OK, MD)`, message: `"${campaign.name}" starts outside quiet hours in every audience zone (${found}).` };
    return {
      ...base,
      status: worst.level === 'fail' ? 'fail' : 'warn',
      expected: worst.window!,
      message: `"${campaign.name}" starts at ${worst.local} in ${worst.zone}, ${worst.why}.`,
    };
  });
};
