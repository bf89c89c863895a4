import type { DnsOutcome, Lookup } from '../../../src/dns/types.js';
import { type IpAddress, dottedIp, formatIp } from './ip.js';
import { SPF_LIMITS } from './limits.js';
import type { MacroValues } from './expand.js';
import { validatedNames } from './ptr.js';

/** Ends the whole check_host() at once: limits, syntax and DNS failures are not local to a term. */
export class SpfStop extends Error {
  constructor(
    readonly result: 'permerror' | 'temperror',
    message: string,
  ) {
    super(message);
    this.name = 'SpfStop';
  }
}

export interface ValidatedNames {
  /** How the PTR question ended. */
  outcome: DnsOutcome;
  /** PTR names (at most the first 10) whose addresses include the client. */
  names: string[];
}

/** Everything one check_host() run shares across include and redirect. */
export interface EvalState {
  lookup: Lookup;
  signal: AbortSignal | undefined;
  ip: IpAddress;
  sender: string;
  localPart: string;
  senderDomain: string;
  helo: string;
  receiver: string;
  now: Date;
  defaultExplanation: string;
  lookups: number;
  voidLookups: number;
  problems: string[];
  /** The client's validated names are the same for every ptr and %{p}: looked up once. */
  validatedNames?: Promise<ValidatedNames>;
}

export const countTerm = (state: EvalState, term: string): void => {
  state.lookups += 1;
  if (state.lookups > SPF_LIMITS.dnsTerms) {
    throw new SpfStop('permerror', `${term}: more than ${SPF_LIMITS.dnsTerms} DNS-querying mechanisms and modifiers (RFC 7208 §4.6.4)`);
  }
};

export const countVoid = (state: EvalState, term: string, name: string, type: string): void => {
  state.voidLookups += 1;
  state.problems.push(`${term}: void lookup (${type} ${name} has no records)`);
  if (state.voidLookups > SPF_LIMITS.voidLookups) {
    throw new SpfStop('permerror', `${term}: more than ${SPF_LIMITS.voidLookups} void lookups (RFC 7208 §4.6.4)`);
  }
};

/** §7.3 chooses among validated names: <domain> itself, then a subdomain of it, then any. */
const pickValidatedName = (names: string[], domain: string): string => {
  const lower = domain.toLowerCase();
  return (
    names.find((name) => name.toLowerCase() === lower) ??
    names.find((name) => name.toLowerCase().endsWith(`.${lower}`)) ??
    names[0] ??
    'unknown'
  );
};

/** The macro values of §7.3 while evaluating the record of `domain`. */
export const macroValues = (state: EvalState, domain: string): MacroValues => {
  return async (letter) => {
    switch (letter) {
      case 's':
        return state.sender;
      case 'l':
        return state.localPart;
      case 'o':
        return state.senderDomain;
      case 'd':
        return domain;
      case 'i':
        return dottedIp(state.ip);
      case 'p':
        return pickValidatedName((await validatedNames(state)).names, domain);
      case 'v':
        return state.ip.family === 4 ? 'in-addr' : 'ip6';
      case 'h':
        return state.helo;
      case 'c':
        return formatIp(state.ip);
      case 'r':
        return state.receiver;
      case 't':
        return String(Math.floor(state.now.getTime() / 1000));
    }
  };
};
