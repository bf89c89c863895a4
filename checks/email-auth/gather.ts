import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GatherContext } from '../../src/engine/define-check.js';
import type { DomainArtifact, EmailAuthArtifact, SampleSeen } from './artifact.js';
import type { DomainConfig, EmailAuthConfig } from './config.js';
import { findOrganizationalDomain } from './dmarc/tree-walk.js';
import { gatherDkim } from './gather/dkim.js';
import { gatherDmarc } from './gather/dmarc.js';
import { reportDnsProgress } from './gather/progress.js';
import { gatherTransportRecords } from './gather/domain-records.js';
import { gatherReverseDns } from './gather/reverse-dns.js';
import { gatherSamples } from './gather/samples.js';
import { gatherSpf } from './gather/spf.js';
import type { StsFetchOptions } from './gather/sts-policy.js';
import { envelopeOf, samplesOfStream } from './streams.js';

const readTrustedCa = async (file: string | undefined, profileDir: string, signal: AbortSignal): Promise<string | undefined> => {
  if (file === undefined) return undefined;
  try {
    return await readFile(path.resolve(profileDir, file), { encoding: 'utf8', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new Error(`mtaSts.trustedCa ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
};

const gatherDomain = async (domain: DomainConfig, samples: SampleSeen[], ctx: GatherContext, sts: StsFetchOptions): Promise<DomainArtifact> => {
  const { dns, signal } = ctx;
  // SPF is judged where the stream's mail really bounces to: a sample's Return-Path wins over the profile's.
  const { returnPath, source } = envelopeOf(domain, samples);
  const sendingIps = domain.sendingIps ?? [];
  const [spf, dkim, dmarc, transport, reverseDns] = await Promise.all([
    gatherSpf(returnPath, sendingIps, dns, { signal, today: ctx.today }),
    gatherDkim(domain, dns, signal),
    gatherDmarc(domain.from, dns, signal),
    gatherTransportRecords(domain.from, dns, sts),
    Promise.all(sendingIps.map((ip) => gatherReverseDns(ip, dns, signal))),
  ]);
  const stream = { ...(domain.name !== undefined && { name: domain.name }), returnPathSource: source, samples: samples.map((sample) => sample.file) };
  return { from: domain.from, returnPath, ...stream, ...spf, dkim, ...dmarc, ...transport, reverseDns };
};

/** Alignment compares organisational domains; RFC 9989 finds them by walking DNS, so that is gathered too. */
const gatherOrganizationalDomains = async (artifact: Pick<EmailAuthArtifact, 'domains' | 'samples'>, ctx: GatherContext) => {
  const names = new Set<string>();
  for (const domain of artifact.domains) [domain.from, domain.returnPath, ...domain.dkim.map((seen) => seen.domain)].forEach((name) => names.add(name));
  for (const sample of artifact.samples) if ('signatureKeys' in sample) sample.signatureKeys.forEach((seen) => names.add(seen.domain));
  return Promise.all(
    [...names].sort().map(async (domain) => {
      const { organizationalDomain: decision } = await findOrganizationalDomain(ctx.dns, domain, ctx.signal);
      return decision.status === 'found'
        ? { domain, organizationalDomain: decision.domain }
        : { domain, organizationalDomain: undefined, error: `${decision.name} ${decision.outcome}` };
    }),
  );
};

/** Every DNS question and the MTA-STS fetch; all trouble is kept as data for evaluate to judge. */
export const gather = async (ctx: GatherContext, config: EmailAuthConfig): Promise<EmailAuthArtifact> => {
  const ca = await readTrustedCa(config.mtaSts.trustedCa, ctx.profileDir, ctx.signal);
  const sts: StsFetchOptions = { port: config.mtaSts.port, signal: ctx.signal, ...(ca ? { ca } : {}) };
  const stopProgress = reportDnsProgress(ctx);
  try {
    // Samples first: each is evidence about its stream's envelope domain, which decides what SPF to ask.
    const samples = await gatherSamples(config.sampleMessages ?? [], ctx.profileDir, ctx.dns, ctx.signal);
    const domains = await Promise.all(config.domains.map((domain, index) => gatherDomain(domain, samplesOfStream(index, config.domains, samples), ctx, sts)));
    const organizationalDomains = await gatherOrganizationalDomains({ domains, samples }, ctx);
    return { domains, samples, organizationalDomains, queries: { ...ctx.dns.stats(), log: ctx.dns.log() } };
  } finally {
    stopProgress();
  }
};
