import type { Answer } from 'dns-packet';
import type { ZoneRecord } from './zone-record.js';

/** A character-string holds at most 255 bytes (RFC 1035 §3.3); longer TXT text goes out as several. */
export const MAX_CHARACTER_STRING = 255;

export function splitCharacterStrings(strings: Buffer[]): Buffer[] {
  return strings.flatMap((string) => {
    if (string.length <= MAX_CHARACTER_STRING) return [string];
    const pieces: Buffer[] = [];
    for (let start = 0; start < string.length; start += MAX_CHARACTER_STRING) {
      pieces.push(string.subarray(start, start + MAX_CHARACTER_STRING));
    }
    return pieces;
  });
}

/** A served record in dns-packet's shape. dns-packet would silently corrupt a TXT string over 255 bytes, so it is split first. */
export function toAnswer(record: ZoneRecord): Answer {
  if (record.type === 'TXT') return { ...record, class: 'IN', data: splitCharacterStrings(record.data) };
  return { ...record, class: 'IN' };
}
