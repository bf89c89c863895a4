import fc from 'fast-check';

/** Generators of SPF record text: valid by construction, so the parser's grammar is checked too. */

const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}[a-z0-9]$|^[a-z0-9]$/);
const toplabel = fc.constantFrom('com', 'example', 'net', 'xn--zckzah', 'test', 'co2');
const macro = fc.constantFrom('%{d}', '%{i}', '%{ir}', '%{l2r-}', '%{o}', '%{D2}', '%%', '%_', '%-', '%{h}', '%{s}', '%{v}', '%{p}', '%{l1r+-_=}');

/** domain-spec: labels and macros, ending in ".toplabel" (optionally with a dot) or in a macro. */
export const domainSpec = fc
  .tuple(fc.array(fc.oneof(label, macro), { minLength: 0, maxLength: 3 }), fc.oneof(toplabel.map((top) => `.${top}`), toplabel.map((top) => `.${top}.`), macro))
  .map(([parts, end]) => (end.startsWith('.') ? `${['x', ...parts].join('.')}${end}` : `${[...parts, ''].join('.')}${end}`));

const qualifier = fc.constantFrom('', '+', '-', '~', '?');
const cidr4 = fc.integer({ min: 0, max: 32 }).map((n) => `/${n}`);
const cidr6 = fc.integer({ min: 0, max: 128 }).map((n) => `//${n}`);
const optional = <T extends string>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: '' });

const mechanism = fc.oneof(
  fc.constant('all'),
  domainSpec.map((d) => `include:${d}`),
  domainSpec.map((d) => `exists:${d}`),
  fc.tuple(fc.constantFrom('a', 'mx', 'A', 'Mx'), optional(domainSpec.map((d) => `:${d}`)), optional(cidr4), optional(cidr6)).map((parts) => parts.join('')),
  optional(domainSpec.map((d) => `:${d}`)).map((d) => `ptr${d}`),
  fc.tuple(fc.ipV4(), optional(cidr4)).map(([ip, c]) => `ip4:${ip}${c}`),
  fc.tuple(fc.ipV6(), optional(fc.integer({ min: 0, max: 128 }).map((n) => `/${n}`))).map(([ip, c]) => `ip6:${ip}${c}`),
);

const directive = fc.tuple(qualifier, mechanism).map(([q, m]) => `${q}${m}`);
const unknownModifier = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}$/), fc.stringMatching(/^[!-$&-~]{0,10}$/))
  .filter(([name]) => name !== 'redirect' && name !== 'exp')
  .map(([name, value]) => `${name}=${value}`);

/** A valid record; redirect= and exp= at most once each. */
export const validRecord = fc
  .tuple(
    fc.constantFrom('v=spf1', 'V=SPF1', 'v=Spf1'),
    fc.array(fc.oneof({ weight: 4, arbitrary: directive }, { weight: 1, arbitrary: unknownModifier }), { maxLength: 8 }),
    fc.option(domainSpec.map((d) => `redirect=${d}`), { nil: undefined }),
    fc.option(domainSpec.map((d) => `exp=${d}`), { nil: undefined }),
    fc.array(fc.constantFrom(' ', '  ', '   '), { minLength: 12, maxLength: 12 }),
  )
  .map(([version, terms, redirect, exp, gaps]) => {
    const all = [...terms, ...(redirect ? [redirect] : []), ...(exp ? [exp] : [])];
    return { text: version + all.map((term, i) => `${gaps[i] ?? ' '}${term}`).join('') + (gaps[11] === '   ' ? ' ' : ''), terms: all.length };
  });

export type Mutation = { kind: 'insert' | 'delete' | 'replace' | 'duplicate'; at: number; text: string; length: number };

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  at: fc.nat(),
  text: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), fc.constantFrom('%', '%{', '}', '/', '//', ':', '=', ' ', '.', '\0', '\r', '-', '/999')),
  length: fc.integer({ min: 1, max: 6 }),
});

export const mutate = (text: string, mutations: Mutation[]): string =>
  mutations.reduce((current, { kind, at, text: piece, length }) => {
    const i = current.length === 0 ? 0 : at % (current.length + 1);
    if (kind === 'insert') return current.slice(0, i) + piece + current.slice(i);
    if (kind === 'delete') return current.slice(0, i) + current.slice(i + length);
    if (kind === 'replace') return current.slice(0, i) + piece + current.slice(i + piece.length);
    return current.slice(0, i) + current.slice(i, i + length) + current.slice(i);
  }, text);
