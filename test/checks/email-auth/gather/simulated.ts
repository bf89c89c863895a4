import { setMaxListeners } from 'node:events';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Resolver, type ResolverOptions } from '../../../../src/dns/index.js';
import type { GatherContext } from '../../../../src/engine/define-check.js';
import { DnsSimulator, loadZoneFiles, type FaultRule } from '../../../../src/simulators/dns/index.js';
import { ROOT } from '../../../helpers/cli.js';

export const CASE_ZONES = path.join(ROOT, 'fixtures/zones/cases');
export const TODAY = '2026-11-20';

/** Every zone under fixtures/zones/cases on one loopback simulator, with the given fault switches. */
export const startCaseDns = async (rules: FaultRule[] = []): Promise<DnsSimulator> => {
  const files = (await readdir(CASE_ZONES)).filter((name) => name.endsWith('.zone')).sort();
  const simulator = new DnsSimulator({ zones: await loadZoneFiles(files.map((name) => path.join(CASE_ZONES, name))), rules });
  await simulator.start();
  return simulator;
};

/** How long a test resolver waits: a loopback answer on a busy two-core machine can take far longer than the usual millisecond. */
export const TEST_DNS_TIMEOUT_MS = 2_000;

/**
 * A fresh resolver per gather, so each run's query log and cache are its own. No retry, so a dropped
 * question costs one timeout; the timeout is long enough that a slow answer is never taken for silence.
 */
export const resolverFor = (simulator: DnsSimulator, options: Omit<ResolverOptions, 'servers'> = {}): Resolver =>
  new Resolver({ servers: [simulator.address], timeoutMs: TEST_DNS_TIMEOUT_MS, retries: 0, ...options });

/** The context the engine would hand the check, with a real resolver as its DNS. */
export const gatherContext = (dns: Resolver, options: { profileDir?: string; signal?: AbortSignal } = {}): GatherContext => {
  const signal = options.signal ?? new AbortController().signal;
  // As the engine does: every question of the check listens to this one signal.
  setMaxListeners(0, signal);
  return { signal, profileDir: options.profileDir ?? ROOT, today: TODAY, logger: { info: () => undefined, debug: () => undefined }, dns, progress: () => undefined, addSecret: () => undefined };
};

/** The same fault on every name a domain's audit asks about: its SPF and MX, DMARC, a DKIM selector and the transport records. */
export const faultsOnDomain = (domain: string, fault: FaultRule['fault'], selector = 's1'): FaultRule[] =>
  [domain, `_dmarc.${domain}`, `${selector}._domainkey.${domain}`, `_mta-sts.${domain}`, `_smtp._tls.${domain}`, `default._bimi.${domain}`].map(
    (name) => ({ name, fault }),
  );
