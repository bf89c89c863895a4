import { parseIp4, parseIp6 } from './ip.js';
import { type MacroParse, parseDomainSpec, parseMacroString } from './macro.js';
import { printable } from './printable.js';
import type { Directive, Mechanism, Modifier, Qualifier, SpfParseResult, SpfRecord, SpfSyntaxError, SpfTerm } from './types.js';

/** The version tag, case-insensitive, followed by a space or the end (RFC 7208 §4.5). */
export const isSpfRecordText = (text: string): boolean => /^v=spf1(?: |$)/i.test(text);

const VERSION_LENGTH = 'v=spf1'.length;
const MODIFIER_NAME = /^[a-z][a-z0-9_.-]*=/i;
const QUALIFIERS = '+-~?';

type TermParse = { ok: true; term: Directive | Modifier } | { ok: false; offset: number; length: number; message: string };

const fail = (offset: number, length: number, message: string): TermParse => ({ ok: false, offset, length, message });

/** Re-bases a macro/domain error found in a slice of the term. */
const sliceError = (parsed: Extract<MacroParse, { ok: false }>, sliceOffset: number, what: string): TermParse =>
  fail(sliceOffset + parsed.offset, Math.max(parsed.length, 1), `${what}: ${parsed.message}`);

/** ip4-cidr-length = "/" ("0" / %x31-39 0*1DIGIT); ip6 likewise up to 128. No leading zeros. */
const cidr = (digits: string, max: number): number | undefined =>
  /^(?:0|[1-9]\d{0,2})$/.test(digits) && Number(digits) <= max ? Number(digits) : undefined;

const parseDualCidr = (text: string, offset: number, mechanism: Mechanism & { type: 'a' | 'mx' }): TermParse | undefined => {
  const match = /^(?:\/(\d+))?(?:\/\/(\d+))?$/.exec(text);
  if (!match) return fail(offset, text.length, `"${printable(text)}" is not a CIDR length (use /24, //64 or /24//64)`);
  const [, four, six] = match;
  if (four !== undefined) {
    const value = cidr(four, 32);
    if (value === undefined) return fail(offset, text.length, `IPv4 CIDR length "/${four}" must be 0–32 without leading zeros`);
    mechanism.cidr4 = value;
  }
  if (six !== undefined) {
    const value = cidr(six, 128);
    if (value === undefined) return fail(offset, text.length, `IPv6 CIDR length "//${six}" must be 0–128 without leading zeros`);
    mechanism.cidr6 = value;
  }
  return undefined;
};

/** a / mx: [ ":" domain-spec ] [ dual-cidr-length ]; a domain-spec may itself hold "/" and ":". */
const parseAddressMechanism = (type: 'a' | 'mx', arg: string, argOffset: number): Mechanism | TermParse => {
  const mechanism: Mechanism & { type: 'a' | 'mx' } = { type };
  if (arg === '') return mechanism;
  if (arg.startsWith('/')) return parseDualCidr(arg, argOffset, mechanism) ?? mechanism;
  const body = arg.slice(1);
  const split = /^(.*?)((?:\/\d+)?(?:\/\/\d+)?)$/s.exec(body);
  const domainText = split?.[1] ?? body;
  const cidrText = split?.[2] ?? '';
  const domain = parseDomainSpec(domainText);
  if (!domain.ok) return sliceError(domain, argOffset + 1, `${type} domain`);
  mechanism.domain = domain.value;
  return parseDualCidr(cidrText, argOffset + 1 + domainText.length, mechanism) ?? mechanism;
};

const parseIpMechanism = (type: 'ip4' | 'ip6', arg: string, argOffset: number): Mechanism | TermParse => {
  if (!arg.startsWith(':') || arg.length === 1) return fail(argOffset, arg.length, `${type} needs ":" and an address`);
  const body = arg.slice(1);
  const slash = body.indexOf('/');
  const network = slash < 0 ? body : body.slice(0, slash);
  const address = type === 'ip4' ? parseIp4(network) : parseIp6(network);
  if (!address) return fail(argOffset + 1, network.length || 1, `"${printable(network)}" is not a valid ${type === 'ip4' ? 'IPv4' : 'IPv6'} address`);
  const max = type === 'ip4' ? 32 : 128;
  if (slash < 0) return { type, network, address, prefix: max };
  const digits = body.slice(slash + 1);
  const prefix = cidr(digits, max);
  if (prefix === undefined) return fail(argOffset + 1 + slash, digits.length + 1, `"/${digits}" is not a CIDR length of 0–${max} without leading zeros`);
  return { type, network, address, prefix };
};

const parseMechanism = (name: string, arg: string, argOffset: number): Mechanism | TermParse => {
  const domainArg = (): MacroParse | undefined => (arg.startsWith(':') ? parseDomainSpec(arg.slice(1)) : undefined);
  switch (name) {
    case 'all':
      return arg === '' ? { type: 'all' } : fail(argOffset, arg.length, '"all" takes no argument');
    case 'include':
    case 'exists': {
      const domain = domainArg();
      if (!domain) return fail(argOffset, Math.max(arg.length, 1), `${name} needs ":" and a domain`);
      return domain.ok ? { type: name, domain: domain.value } : sliceError(domain, argOffset + 1, `${name} domain`);
    }
    case 'ptr': {
      if (arg === '') return { type: 'ptr' };
      const domain = domainArg();
      if (!domain) return fail(argOffset, arg.length, 'ptr takes only ":" and a domain (no CIDR length)');
      return domain.ok ? { type: 'ptr', domain: domain.value } : sliceError(domain, argOffset + 1, 'ptr domain');
    }
    case 'a':
    case 'mx':
      return parseAddressMechanism(name, arg, argOffset);
    case 'ip4':
    case 'ip6':
      return parseIpMechanism(name, arg, argOffset);
    default:
      return fail(argOffset - name.length, name.length || 1, `unknown mechanism "${printable(name)}"`);
  }
};

const parseDirective = (text: string, position: number): TermParse => {
  const first = text.charAt(0);
  const explicit = first !== '' && QUALIFIERS.includes(first);
  const qualifier = (explicit ? first : '+') as Qualifier;
  const rest = explicit ? text.slice(1) : text;
  const nameEnd = rest.search(/[:/]/);
  const name = (nameEnd < 0 ? rest : rest.slice(0, nameEnd)).toLowerCase();
  const arg = nameEnd < 0 ? '' : rest.slice(nameEnd);
  const argOffset = (explicit ? 1 : 0) + name.length;
  const mechanism = parseMechanism(name, arg, argOffset);
  if ('ok' in mechanism) return mechanism;
  return { ok: true, term: { kind: 'directive', text, position, qualifier, mechanism } };
};

const parseModifier = (text: string, position: number): TermParse => {
  const eq = text.indexOf('=');
  const name = text.slice(0, eq).toLowerCase();
  const valueText = text.slice(eq + 1);
  // Known modifiers are not "greedy" unknown ones: a bad redirect= or exp= is an error (suite, §6.1/2).
  const value = name === 'redirect' || name === 'exp' ? parseDomainSpec(valueText) : parseMacroString(valueText, 'modifier');
  if (!value.ok) return sliceError(value, eq + 1, `${name}=`);
  return { ok: true, term: { kind: 'modifier', text, position, name, value: value.value } };
};

/** §4.6.1: a modifier has "=" right after its name, before any ":" or "/". */
const parseTerm = (text: string, position: number): TermParse => {
  if (MODIFIER_NAME.test(text)) return parseModifier(text, position);
  const eq = text.indexOf('=');
  const stop = text.search(/[:/]/);
  if (eq >= 0 && (stop < 0 || eq < stop)) {
    return fail(0, eq + 1, `"${printable(text.slice(0, eq))}" is not a modifier name (a letter, then letters, digits, "-", "_" or ".")`);
  }
  return parseDirective(text, position);
};

/** Splits on spaces only: any other whitespace or control character stays in a term and fails it (§4.6.1). */
const splitTerms = (text: string): { text: string; position: number }[] => {
  const terms: { text: string; position: number }[] = [];
  const pattern = /[^ ]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) terms.push({ text: match[0], position: match.index });
  return terms;
};

/**
 * Parses SPF record text. Never throws: every problem comes back as a syntax error with its
 * position, along with whatever terms could be read.
 */
export const parseSpfRecord = (text: string): SpfParseResult => {
  if (typeof text !== 'string') return { ok: false, errors: [{ position: 0, length: 0, message: 'the record is not text' }], terms: [] };
  if (!isSpfRecordText(text)) {
    return { ok: false, errors: [{ position: 0, length: Math.min(text.length, VERSION_LENGTH), message: 'the record does not start with "v=spf1" followed by a space or the end' }], terms: [] };
  }
  const errors: SpfSyntaxError[] = [];
  const terms: SpfTerm[] = [];
  const seen = new Set<string>();
  for (const { text: termText, position: offset } of splitTerms(text.slice(VERSION_LENGTH))) {
    const at = offset + VERSION_LENGTH;
    const parsed = parseTerm(termText, at);
    if (!parsed.ok) {
      const position = at + parsed.offset;
      // An error "at the end" (an empty domain) has no characters to point at.
      const length = Math.max(0, Math.min(parsed.length, text.length - position));
      errors.push({ position, length, message: parsed.message, term: termText });
      terms.push({ kind: 'invalid', text: termText, position: at, error: parsed.message });
      continue;
    }
    const term = parsed.term;
    if (term.kind === 'modifier' && (term.name === 'redirect' || term.name === 'exp')) {
      // §6: each may appear at most once.
      if (seen.has(term.name)) {
        const message = `${term.name}= appears more than once`;
        errors.push({ position: at, length: termText.length, message, term: termText });
        terms.push({ kind: 'invalid', text: termText, position: at, error: message });
        continue;
      }
      seen.add(term.name);
    }
    terms.push(term);
  }
  if (errors.length > 0) return { ok: false, errors, terms };
  const valid = terms.filter((term): term is Directive | Modifier => term.kind !== 'invalid');
  const directives = valid.filter((term): term is Directive => term.kind === 'directive');
  const modifiers = valid.filter((term): term is Modifier => term.kind === 'modifier');
  const record: SpfRecord = { text, terms: valid, directives };
  const redirect = modifiers.find((m) => m.name === 'redirect');
  const exp = modifiers.find((m) => m.name === 'exp');
  if (redirect) record.redirect = redirect;
  if (exp) record.exp = exp;
  return { ok: true, record };
};
