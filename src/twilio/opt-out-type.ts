/** The value Twilio puts in `OptOutType` when a message is one of the keywords it handles. */
export type OptOutType = 'STOP' | 'START' | 'HELP';

// Twilio's default keywords (long code, toll-free, Messaging Services); Advanced Opt-Out may add more
// but cannot remove STOP, START and HELP.
const KEYWORDS: ReadonlyMap<string, OptOutType> = new Map([
  ...['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'].map((word) => [word, 'STOP'] as const),
  ...['START', 'YES', 'UNSTOP'].map((word) => [word, 'START'] as const),
  ...['HELP', 'INFO'].map((word) => [word, 'HELP'] as const),
]);

/**
 * What Twilio would send as `OptOutType` for this Body: a single-word message, case ignored (Twilio's
 * documented matching; how it treats punctuation is not documented, so only the bare word counts).
 */
export const optOutTypeOf = (body: string): OptOutType | undefined => KEYWORDS.get(body.trim().toUpperCase());
