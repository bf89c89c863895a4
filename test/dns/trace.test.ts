import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyResolver } from '../../src/dns/lazy-lookup.js';
import type { DnsTraceEntry } from '../../src/dns/trace.js';
import type { DnsSimulator } from '../../src/simulators/dns/server.js';
import { endWaits, holdDeadlines, resolverFor, startSimulator } from './helpers.js';

let simulator: DnsSimulator;

beforeEach(async () => {
  simulator = await startSimulator();
});

afterEach(async () => {
  vi.useRealTimers();
  await simulator.stop();
});

/** The trace without its timings, which depend on the machine. */
const withoutMs = (entries: DnsTraceEntry[]) => entries.map(({ ms: _ms, ...entry }) => entry);

describe('DNS trace', () => {
  it('tells of every exchange: question, server, transport and outcome', async () => {
    simulator.setFaults({
      rules: [
        { name: '_dmarc.test.example', fault: 'truncate' },
        { name: 'broken.test.example', fault: 'servfail' },
        { name: 'silent.test.example', fault: 'drop' },
      ],
    });
    holdDeadlines();
    const entries: DnsTraceEntry[] = [];
    const resolver = resolverFor([simulator], { retries: 1, trace: (entry) => entries.push(entry) });
    const server = `127.0.0.1:${simulator.address.port}`;
    await resolver.query('_dmarc.test.example', 'TXT');
    await resolver.query('nope.test.example', 'A');
    await resolver.query('broken.test.example', 'A');
    const silent = resolver.query('silent.test.example', 'A');
    await endWaits(simulator, { name: 'silent.test.example' }, 1);
    await endWaits(simulator, { name: 'silent.test.example' }, 2);
    await silent;
    expect(withoutMs(entries)).toEqual([
      { name: '_dmarc.test.example', type: 'TXT', server, transport: 'udp', outcome: 'NOERROR truncated' },
      { name: '_dmarc.test.example', type: 'TXT', server, transport: 'tcp', outcome: 'NOERROR' },
      { name: 'nope.test.example', type: 'A', server, transport: 'udp', outcome: 'NXDOMAIN' },
      { name: 'broken.test.example', type: 'A', server, transport: 'udp', outcome: 'SERVFAIL' },
      { name: 'silent.test.example', type: 'A', server, transport: 'udp', outcome: 'no answer' },
      { name: 'silent.test.example', type: 'A', server, transport: 'udp', outcome: 'no answer' },
    ]);
    expect(entries.every((entry) => Number.isInteger(entry.ms) && entry.ms >= 0)).toBe(true);
  });

  it('tells nothing of answers taken from the cache', async () => {
    const entries: DnsTraceEntry[] = [];
    const resolver = resolverFor([simulator], { trace: (entry) => entries.push(entry) });
    await resolver.query('shop.test.example', 'A');
    await resolver.query('shop.test.example', 'A');
    expect(entries).toHaveLength(1);
  });

  it('reaches the run’s debug output as one line per exchange', async () => {
    const lines: string[] = [];
    const resolver = lazyResolver([simulator.address], new AbortController().signal, (line) => lines.push(line));
    await resolver.query('nope.test.example', 'A');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^DNS A nope\\.test\\.example @127\\.0\\.0\\.1:${simulator.address.port} udp: NXDOMAIN, \\d+ ms$`));
  });
});
