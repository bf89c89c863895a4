import type { Lookup } from '../../../src/dns/types.js';
import { ask, isVoid, recordValues, selectSpfRecord } from './dns.js';
import { identityDomainProblem, nameProblem, stripTrailingDot } from './domain.js';
import { expandDomainSpec, expandMacroString } from './expand.js';
import { parseClientIp } from './ip.js';
import { parseMacroString } from './macro.js';
import { type IncludeMatcher, matchesDirective } from './mechanisms.js';
import { parseSpfRecord } from './parse.js';
import { type EvalState, SpfStop, countTerm, countVoid, macroValues } from './state.js';
import type { Qualifier, SpfRecord, SpfResult } from './types.js';

export interface CheckHostRequest {
  /** The connecting client's address, IPv4 or IPv6. */
  ip: string;
  /** The domain whose policy is checked (the MAIL FROM or HELO domain). */
  domain: string;
  /** The MAIL FROM address, or postmaster@<helo> when checking the HELO identity. */
  sender: string;
  helo: string;
}

export interface CheckHostOptions {
  signal?: AbortSignal;
  /** The time %{t} expands to; pass a fixed one for reproducible results. Default: now. */
  now?: Date;
  /** %{r}: the checking host's name. Default "unknown" (RFC 7208 §7.3). */
  receiver?: string;
  /** Explanation for a fail without a usable exp=; a macro-string (%{d}, %{c}, … are expanded). */
  defaultExplanation?: string;
}

export interface CheckHostResult {
  result: SpfResult;
  /** Only for fail: the exp= text, or the default explanation. */
  explanation?: string;
  /** The term that decided the result, as written. */
  mechanism?: string;
  /** DNS-querying terms evaluated (the limit is 10). */
  lookups: number;
  voidLookups: number;
  /** Why the result is what it is, for a person: limits hit, records missing, DNS trouble. */
  problems: string[];
}

export const DEFAULT_EXPLANATION = 'The SPF record of %{d} does not authorize %{c} to send mail';

type Decided = { result: Exclude<SpfResult, 'permerror' | 'temperror'>; mechanism?: string; explanation?: string };

const RESULT_OF: Record<Qualifier, Decided['result']> = { '+': 'pass', '-': 'fail', '~': 'softfail', '?': 'neutral' };

/**
 * exp= is looked up only after a fail, is never counted and its failures are ignored (§6.2):
 * any problem falls back to the default explanation.
 */
const explain = async (state: EvalState, record: SpfRecord, domain: string): Promise<string> => {
  const values = macroValues(state, domain);
  const fallback = async (): Promise<string> => {
    const parsed = parseMacroString(state.defaultExplanation, 'explanation');
    return parsed.ok ? expandMacroString(parsed.value, values) : state.defaultExplanation;
  };
  if (!record.exp) return fallback();
  const name = await expandDomainSpec(record.exp.value, values);
  if (nameProblem(name) !== undefined) return fallback();
  const response = await ask(state.lookup, name, 'TXT', state.signal);
  const texts = recordValues(response);
  const [only] = texts;
  if (only === undefined || texts.length !== 1) {
    state.problems.push(`${record.exp.text}: explanation ignored (TXT ${name}: ${response.outcome}, ${texts.length} records)`);
    return fallback();
  }
  // Non-ASCII text and macro errors fail the parse; the explanation is then ignored.
  const parsed = parseMacroString(only, 'explanation');
  if (!parsed.ok) {
    state.problems.push(`${record.exp.text}: explanation ignored (${parsed.message})`);
    return fallback();
  }
  return expandMacroString(parsed.value, values);
};

const readRecord = async (state: EvalState, domain: string, via: string | undefined): Promise<SpfRecord | undefined> => {
  const selection = selectSpfRecord(await ask(state.lookup, domain, 'TXT', state.signal));
  switch (selection.kind) {
    case 'dns-error':
      throw new SpfStop('temperror', `TXT lookup for ${domain} ended in ${selection.outcome}${selection.error ? ` (${selection.error})` : ''}`);
    case 'multiple':
      throw new SpfStop('permerror', `${domain} publishes ${selection.records.length} SPF records; exactly one is allowed (RFC 7208 §4.5)`);
    case 'none':
      if (via !== undefined && isVoid(selection.outcome)) countVoid(state, via, domain, 'TXT');
      state.problems.push(`${domain} has no SPF record (TXT: ${selection.outcome})`);
      return undefined;
    case 'found': {
      const parsed = parseSpfRecord(selection.text);
      if (parsed.ok) return parsed.record;
      for (const error of parsed.errors) state.problems.push(`${domain}: ${error.message} (at character ${error.position})`);
      throw new SpfStop('permerror', `the SPF record of ${domain} has ${parsed.errors.length} syntax error(s)`);
    }
  }
};

/**
 * One check_host() level. `via` is the include/redirect term that led here (its target lookup
 * can be void); `explain` is false under include, whose exp= must not be used (§6.2).
 */
const evaluate = async (state: EvalState, rawDomain: string, explainFail: boolean, via?: string): Promise<Decided> => {
  const domain = stripTrailingDot(rawDomain);
  const problem = identityDomainProblem(domain);
  if (problem !== undefined) {
    state.problems.push(`"${domain}": ${problem}; there is no SPF policy to check`);
    return { result: 'none' };
  }
  const record = await readRecord(state, domain, via);
  if (!record) return { result: 'none' };

  const include: IncludeMatcher = async (mechanism, term, current) => {
    const target = await expandDomainSpec(mechanism.domain, macroValues(state, current));
    const inner = await evaluate(state, target, false, term);
    // §5.2: the included check_host()'s none is a permerror; only pass matches.
    if (inner.result === 'none') throw new SpfStop('permerror', `${term}: ${target} has no SPF record to include`);
    return inner.result === 'pass';
  };

  for (const directive of record.directives) {
    if (!(await matchesDirective(state, directive, domain, include))) continue;
    const decided: Decided = { result: RESULT_OF[directive.qualifier], mechanism: directive.text };
    if (decided.result === 'fail' && explainFail) decided.explanation = await explain(state, record, domain);
    return decided;
  }

  // §6.1: redirect= applies only when no mechanism matched; the target's own exp= then applies.
  if (record.redirect) {
    countTerm(state, record.redirect.text);
    const target = await expandDomainSpec(record.redirect.value, macroValues(state, domain));
    const redirected = await evaluate(state, target, explainFail, record.redirect.text);
    if (redirected.result === 'none') throw new SpfStop('permerror', `${record.redirect.text}: ${target} has no SPF record`);
    return redirected;
  }
  return { result: 'neutral' };
};

const splitSender = (sender: string, domain: string): { sender: string; localPart: string; senderDomain: string } => {
  const at = sender.lastIndexOf('@');
  const localPart = at > 0 ? sender.slice(0, at) : 'postmaster';
  const senderDomain = at >= 0 ? sender.slice(at + 1) : sender || domain;
  return { sender: `${localPart}@${senderDomain}`, localPart, senderDomain };
};

/**
 * RFC 7208 check_host(<ip>, <domain>, <sender>). Throws only for an `ip` that is not an IP
 * address or when `signal` aborts; every SPF outcome, errors included, is a result.
 */
export const checkHost = async (lookup: Lookup, request: CheckHostRequest, options: CheckHostOptions = {}): Promise<CheckHostResult> => {
  const ip = parseClientIp(request.ip.trim());
  if (!ip) throw new RangeError(`"${request.ip}" is not an IPv4 or IPv6 address`);
  const state: EvalState = {
    lookup,
    signal: options.signal,
    ip,
    ...splitSender(request.sender, request.domain),
    helo: request.helo,
    receiver: options.receiver ?? 'unknown',
    now: options.now ?? new Date(),
    defaultExplanation: options.defaultExplanation ?? DEFAULT_EXPLANATION,
    lookups: 0,
    voidLookups: 0,
    problems: [],
  };
  const counts = () => ({ lookups: state.lookups, voidLookups: state.voidLookups });
  try {
    const decided = await evaluate(state, request.domain, true);
    return { ...decided, ...counts(), problems: state.problems };
  } catch (error) {
    if (!(error instanceof SpfStop)) throw error;
    return { result: error.result, ...counts(), problems: [...state.problems, error.message] };
  }
};

export interface MailFromRequest {
  ip: string;
  /** The MAIL FROM address; empty for a null reverse-path (bounces), when HELO is checked instead. */
  mailFrom: string;
  helo: string;
}

/** check_host() for a MAIL FROM identity, deriving <domain> and <sender> as RFC 7208 §2.4 says. */
export const checkMailFrom = (lookup: Lookup, request: MailFromRequest, options: CheckHostOptions = {}): Promise<CheckHostResult> => {
  const { ip, mailFrom, helo } = request;
  if (mailFrom === '') return checkHost(lookup, { ip, domain: helo, sender: `postmaster@${helo}`, helo }, options);
  const at = mailFrom.lastIndexOf('@');
  return checkHost(lookup, { ip, domain: at >= 0 ? mailFrom.slice(at + 1) : mailFrom, sender: mailFrom, helo }, options);
};
