/**
 * How many SMS segments a text takes, the unit carriers bill and throughput limits count (research
 * §1.8). One SMS carries 140 bytes: 160 GSM-7 septets or 70 UCS-2 code units; a concatenated one
 * gives 7 of those bytes to the header, leaving 153 septets or 67 units per part.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** GSM-7 septets (extension characters take two) or UTF-16 code units (astral characters take two). */
  units: number;
  segments: number;
}

// The GSM 03.38 / 3GPP TS 23.038 default alphabet, less ESC (0x1B), which introduces the extension table.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Reachable only as ESC + character, so each costs two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const LIMITS: Record<SmsEncoding, { single: number; part: number }> = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
};

/**
 * The encoding a phone picks (GSM-7 unless one character is outside it) and the segment count.
 * A two-unit character is never split between parts, as senders (and Twilio's segment calculator)
 * do, so a long text can need one part more than units ÷ 153. An empty text still takes one segment.
 */
export const countSegments = (text: string): SegmentCount => {
  const characters = [...text];
  const gsm = characters.every((character) => GSM_BASIC.has(character) || GSM_EXTENSION.has(character));
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  const widths = characters.map((character) => (gsm ? (GSM_EXTENSION.has(character) ? 2 : 1) : character.length));
  const units = widths.reduce((sum, width) => sum + width, 0);
  const { single, part } = LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const width of widths) {
    if (used + width > part) {
      segments += 1;
      used = 0;
    }
    used += width;
  }
  return { encoding, units, segments };
};
