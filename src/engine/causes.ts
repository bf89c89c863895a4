import type { CauseGroup, Finding } from './report.js';

/**
 * What a reader should do about a cause, by its kind (the text before the first colon). Never the rule's
 * own fix: a finding that could not be checked says nothing about the store's setting.
 */
const FIX_BY_KIND: Record<string, string> = {
  dns: 'Make sure the DNS resolver q4check asks is reachable and answers (the profile\'s `resolver:` or --resolver), then run the audit again.',
  network: 'Make sure the address is reachable from where q4check runs and answers, then run the audit again.',
  http: 'Make sure the address is reachable from where q4check runs and answers, then run the audit again.',
  file: 'Check the file\'s path (relative to the profile) and its contents, then run the audit again.',
  timeout: 'Give the check more time (--timeout SECONDS) or find out what is slow, then run the audit again.',
  interrupted: 'Run the audit again and let it finish.',
  load: 'The machine running q4check could not generate the planned load: run it where more CPU is free, lower the rate, or spread the load over machines with k6.',
  check: 'The check itself failed; run again with --debug and report the message if it persists.',
};

const FALLBACK_FIX = 'Remove the cause named here, then run the audit again.';

export const causeKind = (cause: string): string => {
  const colon = cause.indexOf(':');
  return colon > 0 ? cause.slice(0, colon) : 'check';
};

export const fixForCause = (cause: string): string => FIX_BY_KIND[causeKind(cause)] ?? FALLBACK_FIX;

/** A cause as a sentence's subject: "DNS resolver 127.0.0.1:5400 did not answer". */
export const describeCause = (cause: string): string => {
  const kind = causeKind(cause);
  const rest = cause.slice(kind.length + 1).trim();
  switch (kind) {
    case 'dns':
      return rest.startsWith('resolver') ? `DNS ${rest}` : `DNS: ${rest}`;
    case 'http':
      return `HTTP: ${rest}`;
    case 'file':
      return `file ${rest}`;
    default:
      return cause;
  }
};

/** Every error finding's cause and how many share it, most first: one dead resolver reads as one line. */
export const groupCauses = (findings: readonly Finding[]): CauseGroup[] => {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (finding.status !== 'error') continue;
    const cause = finding.cause ?? 'check: no cause given';
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return [...counts]
    .map(([cause, count]) => ({ cause, count }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
};
