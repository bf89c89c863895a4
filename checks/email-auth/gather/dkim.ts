import type { Lookup } from '../../../src/dns/types.js';
import type { DkimSeen } from '../artifact.js';
import type { DomainConfig } from '../config.js';
import { keyRecordName, probeSelectors } from '../dkim/selectors.js';
import { toSeen } from '../dns-seen.js';

/** The key record of each configured selector, or of every common selector when none is configured. */
export const gatherDkim = async (domain: DomainConfig, dns: Lookup, signal: AbortSignal): Promise<DkimSeen[]> => {
  const wanted = domain.dkim
    ? domain.dkim.map((entry) => ({ selector: entry.selector, domain: entry.domain ?? domain.from, probed: false }))
    : probeSelectors(domain.from).map((guess) => ({ selector: guess.selector, domain: domain.from, probed: true, provider: guess.provider }));
  return Promise.all(
    wanted.map(async (entry) => ({ ...entry, answer: toSeen(await dns.query(keyRecordName(entry.selector, entry.domain), 'TXT', signal)) })),
  );
};
