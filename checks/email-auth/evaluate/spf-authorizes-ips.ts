import type { DomainArtifact } from '../artifact.js';
import type { DnsCauseOf } from './causes.js';
import { spfFixFor } from './spf-fix.js';
import type { EmailAuthVerdict } from './verdict.js';

// check_host() keeps no question list; the tree walk asked the same names, so its first failure is the cause.
const temporaryCause = (domain: DomainArtifact, causeOf: DnsCauseOf): string => {
  const [first] = domain.spf.totals.dnsErrors;
  return first ? causeOf(first) : causeOf({ name: domain.returnPath, type: 'TXT', outcome: 'error' });
};

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict[] => {
  if (domain.spfChecks.length === 0) {
    return [{ rule: 'spf-authorizes-ips', status: 'skip', subject: domain.returnPath, message: `No sendingIps are listed for ${domain.from}, so check_host() was not run.` }];
  }
  return domain.spfChecks.map(({ ip, result }): EmailAuthVerdict => {
    const subject = `${ip} → ${domain.returnPath}`;
    const base = { rule: 'spf-authorizes-ips', subject, expected: 'pass', evidence: { result: result.result, mechanism: result.mechanism ?? null, lookups: result.lookups, voidLookups: result.voidLookups, problems: result.problems } } as const;
    const why = result.problems.length > 0 ? ` (${result.problems.join('; ')})` : result.mechanism ? ` (matched ${result.mechanism})` : '';
    if (result.result === 'pass') return { ...base, status: 'pass', message: `SPF passes for ${ip} sending as ${domain.returnPath}${why}.`, found: result.result };
    if (result.result === 'temperror') return { ...base, status: 'error', message: `Could not check: SPF for ${ip} at ${domain.returnPath} ended in a temporary DNS error${why}.`, cause: temporaryCause(domain, causeOf) };
    return { ...base, found: result.result, status: 'fail', message: `SPF gives ${result.result} for ${ip} sending as ${domain.returnPath}${why}: its mail fails SPF.`, fix: spfFixFor(domain, ip) };
  });
};

export const spfAuthorizesIps = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.flatMap((domain) => judgeDomain(domain, causeOf));
