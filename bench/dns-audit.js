import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { config } from '../dist/checks/email-auth/config.js';
import { gather } from '../dist/checks/email-auth/gather.js';
import { Resolver } from '../dist/src/dns/resolver.js';
import { startZoneServer } from './zone-server.js';

const DOMAINS = 100;
const INCLUDE_LEVELS = 3;
const LATENCY_MS = 20;

/** d1…d100 are measured; w1…w100, alike, warm the code up first, as a long-running audit would be. */
const storeNames = (prefix) => Array.from({ length: DOMAINS }, (_, index) => `${prefix}${index + 1}`);

/** One zone, `example`, with DOMAINS stores: each SPF record three includes deep, DMARC, a DKIM key, MX. */
const benchZone = () => {
  const lines = ['$ORIGIN example.', '$TTL 300', '@ SOA ns1 hostmaster ( 1 3600 600 604800 300 )', '  NS ns1', 'ns1 A 127.0.0.1'];
  for (const d of [...storeNames('d'), ...storeNames('w')]) {
    const n = Number(d.slice(1));
    const levels = ['', 'a.', 'b.', 'c.'].slice(0, INCLUDE_LEVELS + 1);
    levels.forEach((level, index) => {
      const next = levels[index + 1];
      const body = next === undefined ? `ip4:192.0.2.${n % 250} -all` : `include:${next}${d}.example -all`;
      lines.push(`${level}${d} TXT "v=spf1 ${body}"`);
    });
    lines.push(`${d} MX 10 mx.${d}`, `mx.${d} A 192.0.2.1`);
    lines.push(`_dmarc.${d} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${d}.example"`);
    lines.push(`s1._domainkey.${d} TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="`);
  }
  return lines.join('\n');
};

/**
 * The email-auth gather for DOMAINS domains against the simulator with LATENCY_MS per answer. Every
 * domain is gathered at once, so the wall time should approach the longest chain of questions that
 * wait on each other: the SPF record and its INCLUDE_LEVELS includes, one after the other.
 */
export const dnsAudit = async () => {
  const server = await startZoneServer(benchZone(), 'example', LATENCY_MS);
  try {
    const servers = [{ host: '127.0.0.1', port: server.port }];
    const sectionOf = (prefix) => config.parse({ domains: storeNames(prefix).map((name) => ({ from: `${name}.example`, dkim: [{ selector: 's1' }] })) });
    const contextOf = (dns) => {
      const signal = new AbortController().signal;
      setMaxListeners(0, signal);
      return { signal, profileDir: '.', today: '2026-11-20', logger: { info: () => undefined, debug: () => undefined }, progress: () => undefined, addSecret: () => undefined, dns };
    };
    // A first audit of other stores, with a resolver of its own (nothing cached), so the measured run is not the JIT's.
    await gather(contextOf(new Resolver({ servers, timeoutMs: 2000, retries: 1, maxInFlight: 2000 })), sectionOf('w'));
    const resolver = new Resolver({ servers, timeoutMs: 2000, retries: 1, maxInFlight: 2000 });
    const ctx = contextOf(resolver);
    const section = sectionOf('d');
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await gather(ctx, section);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const criticalPathMs = (1 + INCLUDE_LEVELS) * LATENCY_MS;
    const { sent, distinct } = resolver.stats();
    return [
      {
        name: `email-auth gather, ${DOMAINS} domains, ${INCLUDE_LEVELS}-level includes, ${LATENCY_MS} ms latency: wall time vs critical path`,
        detail:
          `${wallMs.toFixed(0)} ms vs ${criticalPathMs} ms (${1 + INCLUDE_LEVELS} dependent queries × ${LATENCY_MS} ms); ` +
          `client CPU ${cpuMs.toFixed(0)} ms, ${(cpuMs / sent).toFixed(3)} ms a question`,
        ratio: wallMs / criticalPathMs,
        target: 2,
      },
      {
        name: 'DNS questions sent vs distinct questions',
        detail: `${sent} sent, ${distinct} distinct`,
        ratio: sent / distinct,
        target: 1,
      },
    ];
  } finally {
    await server.stop();
  }
};
