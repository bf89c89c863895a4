import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { askServers } from './ask.js';
import { TtlCache } from './cache.js';
import { followChain } from './chain.js';
import { InFlight } from './inflight.js';
import { Slots } from './slots.js';
import type { Step } from './interpret.js';
import { normalizeName } from './names.js';
import type { ServerAddress } from './server-address.js';
import { readSystemServers } from './system-servers.js';
import type { DnsTrace } from './trace.js';
import type { DnsResponse, Lookup, QueryLogEntry, RecordType, ResolverStats } from './types.js';
import { UdpPool } from './udp-pool.js';

export interface ResolverOptions {
  /** Servers asked in order, failing over on trouble. Default: the system's (/etc/resolv.conf), else 127.0.0.1:53. */
  servers?: ServerAddress[];
  /** How long one attempt waits for its answer. Default 2000. */
  timeoutMs?: number;
  /** Further attempts on the same server after a timeout or a broken answer. Default 1. */
  retries?: number;
  /** Cancels every question of this resolver (Ctrl-C, the audit's time limit). */
  signal?: AbortSignal;
  /** Clock for TTL expiry, in milliseconds. Default Date.now. */
  now?: () => number;
  /** Questions on the wire at once; more wait their turn. Default 128. */
  maxInFlight?: number;
  /** Where the default servers are read from. Default /etc/resolv.conf. */
  resolvConfPath?: string;
  /** Told of every exchange with a server: question, server, outcome, time (what --debug prints). */
  trace?: DnsTrace;
}

/**
 * A stub resolver: asks recursive (or, in tests, authoritative) servers over UDP with EDNS0, falls back to
 * TCP on truncation, follows CNAMEs, and remembers answers for their TTL so one audit never asks the same
 * question twice. Server failures are not remembered: asking again later is the point of reporting them.
 */
export class Resolver implements Lookup {
  readonly #timeoutMs: number;
  readonly #retries: number;
  readonly #signal: AbortSignal | undefined;
  readonly #resolvConfPath: string | undefined;
  readonly #trace: DnsTrace | undefined;
  #servers: Promise<ServerAddress[]> | undefined;
  readonly #cache: TtlCache<Step>;
  readonly #inflight = new InFlight<Step>();
  readonly #slots: Slots;
  readonly #udp = new UdpPool();
  readonly #combined = new WeakMap<AbortSignal, AbortSignal>();
  readonly #log: QueryLogEntry[] = [];
  readonly #asked = new Set<string>();
  #sent = 0;

  constructor(options: ResolverOptions = {}) {
    this.#timeoutMs = options.timeoutMs ?? 2000;
    this.#retries = options.retries ?? 1;
    if (!(Number.isInteger(this.#timeoutMs) && this.#timeoutMs > 0)) {
      throw new RangeError(`timeoutMs must be a positive integer, got ${this.#timeoutMs}`);
    }
    if (!(Number.isInteger(this.#retries) && this.#retries >= 0)) {
      throw new RangeError(`retries must be a non-negative integer, got ${this.#retries}`);
    }
    if (options.servers !== undefined) {
      if (options.servers.length === 0) throw new RangeError('servers must name at least one server');
      // Answers are accepted only from the address asked, so a server must be named by its address.
      const named = options.servers.find((server) => isIP(server.host) === 0);
      if (named) throw new RangeError(`DNS server ${named.host} must be an IP address, not a host name`);
      this.#servers = Promise.resolve([...options.servers]);
    }
    this.#signal = options.signal;
    this.#resolvConfPath = options.resolvConfPath;
    this.#trace = options.trace;
    this.#cache = new TtlCache(options.now ?? Date.now);
    this.#slots = new Slots(options.maxInFlight ?? 128);
  }

  query(name: string, type: RecordType, signal?: AbortSignal): Promise<DnsResponse> {
    const combined = this.#withOwnSignal(signal);
    if (combined?.aborted) return Promise.reject(combined.reason);
    return followChain(normalizeName(name), type, (current) => this.#step(current, type, combined));
  }

  /** A check asks all its questions under one signal: combine it with the resolver's once, not per question. */
  #withOwnSignal(signal: AbortSignal | undefined): AbortSignal | undefined {
    if (signal === undefined || this.#signal === undefined || signal === this.#signal) return signal ?? this.#signal;
    let combined = this.#combined.get(signal);
    if (combined === undefined) {
      combined = AbortSignal.any([this.#signal, signal]);
      this.#combined.set(signal, combined);
    }
    return combined;
  }

  /** Every question that went to the network, in the order they finished. */
  log(): QueryLogEntry[] {
    return this.#log.map((entry) => ({ ...entry }));
  }

  stats(): ResolverStats {
    return { sent: this.#sent, distinct: this.#asked.size };
  }

  async #step(name: string, type: RecordType, signal: AbortSignal | undefined): Promise<Step> {
    signal?.throwIfAborted();
    // The type comes first: it has no spaces, so the key is unambiguous whatever the name holds.
    const key = `${type} ${name}`;
    this.#asked.add(key);
    const cached = this.#cache.get(key);
    if (cached !== undefined) return cached;
    return this.#inflight.run(key, (shared) => this.#fetch(key, name, type, shared), signal);
  }

  async #fetch(key: string, name: string, type: RecordType, signal: AbortSignal): Promise<Step> {
    this.#sent += 1;
    this.#servers ??= readSystemServers(this.#resolvConfPath);
    const servers = await this.#servers;
    await this.#slots.acquire(signal);
    const started = performance.now();
    let asked: Awaited<ReturnType<typeof askServers>>;
    try {
      asked = await askServers(name, type, { servers, timeoutMs: this.#timeoutMs, retries: this.#retries, udp: this.#udp, signal, trace: this.#trace });
    } finally {
      this.#slots.release();
    }
    const { response, ttl } = asked.step;
    this.#log.push({
      name,
      type,
      outcome: response.outcome,
      server: asked.server,
      transport: asked.transport,
      attempts: asked.attempts,
      elapsedMs: Math.round(performance.now() - started),
      ...(response.error === undefined ? {} : { error: response.error }),
    });
    if (ttl !== undefined) this.#cache.set(key, asked.step, ttl);
    return asked.step;
  }
}
