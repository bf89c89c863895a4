import type { Lookup } from '../../../src/dns/types.js';
import type { DomainArtifact } from '../artifact.js';
import { analyzeSpf, checkHost } from '../spf/index.js';

/**
 * The envelope domain's SPF: the whole tree for the counting rules, and check_host() for each sending
 * IP. %{t} expands to the audit date, so a recorded run judges the same again.
 */
export const gatherSpf = async (
  returnPath: string,
  sendingIps: readonly string[],
  dns: Lookup,
  options: { signal: AbortSignal; today: string },
): Promise<Pick<DomainArtifact, 'spf' | 'spfChecks'>> => {
  const now = new Date(`${options.today}T00:00:00Z`);
  const [spf, spfChecks] = await Promise.all([
    analyzeSpf(dns, returnPath, { signal: options.signal }),
    Promise.all(
      sendingIps.map(async (ip) => ({
        ip,
        result: await checkHost(dns, { ip, domain: returnPath, sender: `postmaster@${returnPath}`, helo: returnPath }, { signal: options.signal, now }),
      })),
    ),
  ]);
  return { spf, spfChecks };
};
