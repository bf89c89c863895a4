import type { DomainArtifact } from '../artifact.js';
import { isAbsent, isDnsTrouble, recordsStartingWith } from '../dns-seen.js';
import { mxMatches, parseStsPolicy, parseStsTxt } from '../records/mta-sts.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';

const mxHosts = (domain: DomainArtifact): string[] =>
  (domain.mx.find((entry) => entry.domain === domain.from)?.answer.records ?? []).map((record) => record.split(/\s+/)[1]?.replace(/\.$/, '') ?? '');

const judgeDomain = (domain: DomainArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const { txt, policy } = domain.mtaSts;
  const base = { rule: 'mta-sts', subject: domain.from, expected: 'a _mta-sts TXT record and a valid HTTPS policy covering the MX hosts' } as const;
  if (isDnsTrouble(txt)) return couldNotCheck('mta-sts', domain.from, txt, causeOf);
  const records = recordsStartingWith(txt, 'v=STSv1');
  if (isAbsent(txt) || records.length === 0) {
    return { ...base, status: 'warn', message: `${domain.from} has not published MTA-STS, so senders may deliver to it without TLS.`, found: 'not published', fix: `Publish v=STSv1; id=<date> at _mta-sts.${domain.from} and a policy at https://mta-sts.${domain.from}/.well-known/mta-sts.txt listing the MX hosts (mode: testing first, then enforce).` };
  }
  const problems = records.length > 1 ? ['more than one v=STSv1 record'] : parseStsTxt(records[0]!).problems;
  if (!policy || policy.error !== undefined || policy.status !== 200 || policy.body === undefined) {
    const why = policy?.error ?? (policy?.status ? `HTTP ${policy.status}` : 'not fetched');
    return { ...base, status: 'fail', message: `${domain.from} announces MTA-STS but its policy ${policy?.url ?? ''} could not be fetched (${why}).`, found: why, evidence: { txt: records } };
  }
  const parsed = parseStsPolicy(policy.body);
  const hosts = mxHosts(domain);
  const uncovered = hosts.filter((host) => !parsed.mx.some((pattern) => mxMatches(pattern, host)));
  const evidence = { txt: records, policy: { url: policy.url, mode: parsed.mode ?? null, mx: parsed.mx, maxAge: parsed.maxAge ?? null }, uncovered };
  const allProblems = [...problems, ...parsed.problems];
  if (allProblems.length > 0) {
    return { ...base, status: 'fail', message: `The MTA-STS setup of ${domain.from} is invalid: ${allProblems.join('; ')}.`, found: allProblems.join('; '), evidence };
  }
  if (uncovered.length > 0) {
    return { ...base, status: parsed.mode === 'enforce' ? 'fail' : 'warn', message: `The MTA-STS policy of ${domain.from} does not cover MX ${uncovered.join(', ')}: senders that enforce it will not deliver there.`, found: `uncovered MX: ${uncovered.join(', ')}`, evidence };
  }
  if (parsed.mode !== 'enforce') {
    return { ...base, status: 'warn', message: `The MTA-STS policy of ${domain.from} is in ${parsed.mode} mode: TLS is reported on, not required.`, found: `mode: ${parsed.mode}`, evidence };
  }
  return { ...base, status: 'pass', message: `${domain.from} enforces MTA-STS for ${parsed.mx.join(', ')}.`, found: 'mode: enforce', evidence };
};

export const mtaSts = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] => domains.map((domain) => judgeDomain(domain, causeOf));
