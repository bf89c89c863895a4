/** The shape of a parsed SPF record (RFC 7208 §4.6, §5, §6, §7). All plain data, JSON-serialisable. */

export type Qualifier = '+' | '-' | '~' | '?';

export type MacroLetter = 's' | 'l' | 'o' | 'd' | 'i' | 'p' | 'h' | 'c' | 'r' | 't' | 'v';

export type MacroPart =
  | { kind: 'literal'; text: string }
  /** %% → "%", %_ → " ", %- → "%20". */
  | { kind: 'escape'; text: string; value: string }
  | {
      kind: 'macro';
      /** As written, e.g. "%{ir}" or "%{l2r+-}". */
      text: string;
      letter: MacroLetter;
      /** An upper-case letter asks for the value to be URL-escaped (§7.3). */
      urlEscape: boolean;
      /** Keep this many right-hand parts (the DIGIT transformer); absent = all. */
      keep?: number;
      reverse: boolean;
      /** Characters to split on; "." when none were written. */
      delimiters: string;
    };

export interface MacroString {
  text: string;
  parts: MacroPart[];
}

export type Mechanism =
  | { type: 'all' }
  | { type: 'include'; domain: MacroString }
  | { type: 'exists'; domain: MacroString }
  | { type: 'a'; domain?: MacroString; cidr4?: number; cidr6?: number }
  | { type: 'mx'; domain?: MacroString; cidr4?: number; cidr6?: number }
  | { type: 'ptr'; domain?: MacroString }
  | { type: 'ip4'; network: string; address: number[]; prefix: number }
  | { type: 'ip6'; network: string; address: number[]; prefix: number };

export type MechanismType = Mechanism['type'];

interface TermBase {
  /** The term exactly as written. */
  text: string;
  /** Offset of the term in the record text. */
  position: number;
}

export interface Directive extends TermBase {
  kind: 'directive';
  qualifier: Qualifier;
  mechanism: Mechanism;
}

export interface Modifier extends TermBase {
  kind: 'modifier';
  /** Lower case. */
  name: string;
  /** For redirect= and exp= a domain-spec; for unknown modifiers any macro-string. */
  value: MacroString;
}

export interface InvalidTerm extends TermBase {
  kind: 'invalid';
  error: string;
}

export type SpfTerm = Directive | Modifier | InvalidTerm;

export interface SpfRecord {
  text: string;
  /** Every term in order (no invalid ones in a record that parsed). */
  terms: (Directive | Modifier)[];
  directives: Directive[];
  redirect?: Modifier;
  exp?: Modifier;
}

export interface SpfSyntaxError {
  /** Offset in the record text where the problem starts. */
  position: number;
  length: number;
  message: string;
  /** The term the problem is in, when there is one. */
  term?: string;
}

export type SpfParseResult =
  | { ok: true; record: SpfRecord }
  /** `terms` keeps what could be read, invalid terms included, so an audit can still show the record. */
  | { ok: false; errors: SpfSyntaxError[]; terms: SpfTerm[] };

export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';
