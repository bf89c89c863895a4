import { randomBytes } from 'node:crypto';

/** Twilio SIDs: a two-letter type prefix and 32 lowercase hex digits (34 characters). */
const SID = /^[A-Z]{2}[0-9a-f]{32}$/;

/** Gives the 32 hex digits after a SID's prefix; injected so tests get the same SIDs every run. */
export type SidDigits = () => string;

export const randomSidDigits: SidDigits = () => randomBytes(16).toString('hex');

export const isSid = (text: string, prefix: string): boolean => text.startsWith(prefix) && SID.test(text);

/** `prefix` + the next digits, refusing a source that breaks the SID shape (a store may check it). */
export const makeSid = (prefix: string, digits: SidDigits): string => {
  const sid = prefix + digits();
  if (!isSid(sid, prefix)) throw new Error(`the SID digit source gave ${JSON.stringify(sid.slice(prefix.length))}, not 32 lowercase hex digits`);
  return sid;
};
