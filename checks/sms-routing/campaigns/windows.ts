import type { Campaign } from '../config.js';

/** 47 CFR 64.1200(c)(1): no solicitation before 08:00 or after 21:00 at the recipient's location. */
export const FEDERAL_WINDOW = { opens: 8 * 60, closes: 21 * 60 };
/** Florida (FTSA), Oklahoma (OTSA), Maryland (Stop the Spam Calls Act): 08:00 to 20:00. */
export const STRICT_CLOSE = 20 * 60;

// Where each 8 pm state's recipients are; a zone listed here may hold them.
const STRICT_STATE_ZONES: Record<string, string[]> = {
  FL: ['America/New_York', 'America/Chicago'],
  MD: ['America/New_York'],
  OK: ['America/Chicago'],
};

/** The 8 pm states a zone may hold, and whether the profile says the audience includes them. */
export const strictStatesIn = (zone: string, campaign: Campaign): { states: string[]; confirmed: boolean } => {
  const states = Object.entries(STRICT_STATE_ZONES)
    .filter(([, zones]) => zones.includes(zone))
    .map(([state]) => state);
  const listed = campaign.audienceStates ?? [];
  const confirmed = states.filter((state) => (listed as string[]).includes(state));
  return confirmed.length > 0 ? { states: confirmed, confirmed: true } : { states, confirmed: false };
};

/** When sending must stop in a zone: 20:00 where an 8 pm state is confirmed in the audience, else 21:00. */
export const closesAt = (zone: string, campaign: Campaign): number => (strictStatesIn(zone, campaign).confirmed ? STRICT_CLOSE : FEDERAL_WINDOW.closes);
