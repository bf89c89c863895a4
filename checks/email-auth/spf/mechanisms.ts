import type { RecordType } from '../../../src/dns/types.js';
import { ask, isDnsError, isVoid, mxExchanges, recordValues } from './dns.js';
import { nameProblem, stripTrailingDot } from './domain.js';
import { expandDomainSpec } from './expand.js';
import { inCidr, parseAddressOf, reverseName } from './ip.js';
import { SPF_LIMITS } from './limits.js';
import { validatedNames } from './ptr.js';
import { type EvalState, SpfStop, countTerm, countVoid, macroValues } from './state.js';
import type { Directive, MacroString, Mechanism } from './types.js';

/**
 * The name a mechanism looks at: its domain-spec expanded, or the current domain.
 * §4.8 leaves a name that cannot be queried (an empty or over-long label) undefined; like the
 * suite's preferred results, such a term simply does not match.
 */
export const targetName = async (state: EvalState, term: string, spec: MacroString | undefined, domain: string): Promise<string | undefined> => {
  if (!spec) return domain;
  const name = await expandDomainSpec(spec, macroValues(state, domain));
  const problem = nameProblem(name);
  if (problem === undefined) return name;
  state.problems.push(`${term}: "${name}" cannot be looked up (${problem}); treated as not matching`);
  return undefined;
};

const addressType = (state: EvalState): RecordType => (state.ip.family === 4 ? 'A' : 'AAAA');

/** Addresses of `name` in the client's family. DNS trouble ends the check with temperror (§5). */
const addressesOf = async (state: EvalState, term: string, name: string, countsVoid: boolean): Promise<number[][]> => {
  const type = addressType(state);
  const response = await ask(state.lookup, name, type, state.signal);
  if (isDnsError(response.outcome)) throw new SpfStop('temperror', `${term}: ${type} lookup for ${name} ended in ${response.outcome}`);
  if (isVoid(response.outcome) && countsVoid) countVoid(state, term, name, type);
  return recordValues(response).flatMap((value) => {
    const address = parseAddressOf(state.ip.family, value);
    return address ? [address] : [];
  });
};

const prefixFor = (state: EvalState, mechanism: { cidr4?: number; cidr6?: number }): number =>
  state.ip.family === 4 ? (mechanism.cidr4 ?? 32) : (mechanism.cidr6 ?? 128);

const anyInCidr = (state: EvalState, addresses: number[][], prefix: number): boolean =>
  addresses.some((address) => inCidr(state.ip.bytes, address, prefix));

type AddressMechanism = Extract<Mechanism, { type: 'a' | 'mx' }>;

const matchA = async (state: EvalState, term: string, mechanism: AddressMechanism, domain: string): Promise<boolean> => {
  const name = await targetName(state, term, mechanism.domain, domain);
  if (name === undefined) return false;
  return anyInCidr(state, await addressesOf(state, term, name, true), prefixFor(state, mechanism));
};

const matchMx = async (state: EvalState, term: string, mechanism: AddressMechanism, domain: string): Promise<boolean> => {
  const name = await targetName(state, term, mechanism.domain, domain);
  if (name === undefined) return false;
  const response = await ask(state.lookup, name, 'MX', state.signal);
  if (isDnsError(response.outcome)) throw new SpfStop('temperror', `${term}: MX lookup for ${name} ended in ${response.outcome}`);
  if (isVoid(response.outcome)) {
    countVoid(state, term, name, 'MX');
    return false;
  }
  // A null MX (RFC 7505, exchange ".") names no host to look up.
  const hosts = mxExchanges(response).map(stripTrailingDot).filter((host) => host !== '');
  if (hosts.length > SPF_LIMITS.mxNames) {
    throw new SpfStop('permerror', `${term}: ${name} has ${hosts.length} MX hosts; one mx mechanism may look up at most ${SPF_LIMITS.mxNames} (RFC 7208 §4.6.4)`);
  }
  const prefix = prefixFor(state, mechanism);
  for (const host of hosts) {
    // The hosts' address lookups are the mx term's own fan-out: neither counted nor void.
    if (anyInCidr(state, await addressesOf(state, term, host, false), prefix)) return true;
  }
  return false;
};

const matchPtr = async (state: EvalState, term: string, mechanism: Extract<Mechanism, { type: 'ptr' }>, domain: string): Promise<boolean> => {
  const target = await targetName(state, term, mechanism.domain, domain);
  if (target === undefined) return false;
  const { outcome, names } = await validatedNames(state);
  // §5.5: a DNS error on the PTR question makes ptr not match; it is not a temperror.
  if (isDnsError(outcome)) state.problems.push(`${term}: PTR lookup for the client ended in ${outcome}; not matching`);
  if (isVoid(outcome)) countVoid(state, term, reverseName(state.ip), 'PTR');
  const lower = target.toLowerCase();
  return names.some((name) => {
    const candidate = name.toLowerCase();
    return candidate === lower || candidate.endsWith(`.${lower}`);
  });
};

const matchExists = async (state: EvalState, term: string, mechanism: Extract<Mechanism, { type: 'exists' }>, domain: string): Promise<boolean> => {
  const name = await targetName(state, term, mechanism.domain, domain);
  if (name === undefined) return false;
  // §5.7: always an A question, whatever the client's family.
  const response = await ask(state.lookup, name, 'A', state.signal);
  if (isDnsError(response.outcome)) throw new SpfStop('temperror', `${term}: A lookup for ${name} ended in ${response.outcome}`);
  if (isVoid(response.outcome)) countVoid(state, term, name, 'A');
  return response.outcome === 'answer' && response.records.length > 0;
};

const matchIp = (state: EvalState, mechanism: Extract<Mechanism, { type: 'ip4' | 'ip6' }>): boolean =>
  (mechanism.type === 'ip4' ? 4 : 6) === state.ip.family && inCidr(state.ip.bytes, mechanism.address, mechanism.prefix);

/** include recurses into check_host(), so the caller supplies it. */
export type IncludeMatcher = (mechanism: Extract<Mechanism, { type: 'include' }>, term: string, domain: string) => Promise<boolean>;

export const matchesDirective = async (state: EvalState, directive: Directive, domain: string, include: IncludeMatcher): Promise<boolean> => {
  const { mechanism, text } = directive;
  if (mechanism.type === 'all') return true;
  if (mechanism.type === 'ip4' || mechanism.type === 'ip6') return matchIp(state, mechanism);
  // Every other mechanism asks DNS: each costs one of the 10 terms before it is evaluated (RFC 7208 §4.6.4).
  countTerm(state, text);
  switch (mechanism.type) {
    case 'include':
      return include(mechanism, text, domain);
    case 'a':
      return matchA(state, text, mechanism, domain);
    case 'mx':
      return matchMx(state, text, mechanism, domain);
    case 'ptr':
      return matchPtr(state, text, mechanism, domain);
    case 'exists':
      return matchExists(state, text, mechanism, domain);
  }
};
