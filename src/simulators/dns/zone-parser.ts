import { checkZone, type LocatedRecord } from './zone-check.js';
import { ZoneSyntaxError } from './zone-error.js';
import { lexZone, type Entry } from './zone-lexer.js';
import { parseRdata, RdataProblem } from './zone-rdata.js';
import { ZONE_RECORD_TYPES, type Zone, type ZoneRecordType } from './zone-record.js';
import { isTtl, parseName, parseTtl, type Parsed } from './zone-text.js';

export interface ParseZoneOptions {
  /** Named in error messages. */
  file: string;
  /** The zone's name, as a server's configuration would give it; $ORIGIN in the file may set it instead. */
  origin?: string;
}

const CLASSES = new Set(['IN', 'CH', 'CS', 'HS']);

/**
 * Parses an RFC 1035 §5 master file: $ORIGIN, $TTL, @, relative and absolute names, omitted owners, optional
 * class and TTL in either order, comments and parentheses. Throws ZoneSyntaxError with file:line.
 */
export function parseZone(text: string, options: ParseZoneOptions): Zone {
  const { file } = options;
  // The configured zone name is absolute, whether or not it is written with the trailing dot.
  const absolute = options.origin === undefined ? undefined : `${options.origin.replace(/\.$/, '')}.`;
  const configured = absolute === undefined ? undefined : within(file, undefined, parseName(absolute, undefined));
  let origin = configured;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let lastOwner: string | undefined;
  const located: LocatedRecord[] = [];

  for (const entry of lexZone(text, file)) {
    const tokens = [...entry.tokens];
    const [first] = tokens;
    if (first === undefined) continue;
    if (!entry.blankOwner && !first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase();
      const argument = oneArgument(file, entry, directive);
      if (directive === '$ORIGIN') origin = within(file, entry.line, parseName(argument, origin));
      else if (directive === '$TTL') defaultTtl = within(file, entry.line, parseTtl(argument));
      else throw new ZoneSyntaxError(file, entry.line, `${directive} is not supported (only $ORIGIN and $TTL)`);
      continue;
    }

    let owner: string;
    if (entry.blankOwner) {
      if (lastOwner === undefined) {
        throw new ZoneSyntaxError(file, entry.line, 'no owner name: the line starts with a blank and no record comes before it');
      }
      owner = lastOwner;
    } else {
      owner = within(file, entry.line, parseName(first.text, origin));
      tokens.shift();
    }

    let ttl: number | undefined;
    let klass: string | undefined;
    for (let token = tokens[0]; token !== undefined && !token.quoted; token = tokens[0]) {
      if (ttl === undefined && isTtl(token.text)) ttl = within(file, token.line, parseTtl(token.text));
      else if (klass === undefined && CLASSES.has(token.text.toUpperCase())) klass = token.text.toUpperCase();
      else break;
      tokens.shift();
    }
    if (klass !== undefined && klass !== 'IN') throw new ZoneSyntaxError(file, entry.line, `class ${klass} is not supported (only IN)`);

    const typeToken = tokens.shift();
    if (typeToken === undefined) throw new ZoneSyntaxError(file, entry.line, `no record type after ${owner}`);
    const type = typeToken.text.toUpperCase();
    if (!isZoneRecordType(type)) {
      throw new ZoneSyntaxError(file, typeToken.line, `record type ${typeToken.text} is not supported (supported: ${ZONE_RECORD_TYPES.join(', ')})`);
    }
    const effectiveTtl = ttl ?? defaultTtl ?? lastTtl;
    if (effectiveTtl === undefined) throw new ZoneSyntaxError(file, entry.line, 'no TTL on this record and no $TTL before it');
    try {
      located.push({ record: parseRdata(owner, effectiveTtl, type, tokens, origin), line: entry.line });
    } catch (error) {
      if (error instanceof RdataProblem) throw new ZoneSyntaxError(file, entry.line, error.message);
      throw error;
    }
    lastOwner = owner;
    lastTtl = effectiveTtl;
  }
  return checkZone(located, { file, origin: configured });
}

function oneArgument(file: string, entry: Entry, directive: string): string {
  const [, argument, extra] = entry.tokens;
  if (argument === undefined || extra !== undefined || argument.quoted) {
    throw new ZoneSyntaxError(file, entry.line, `${directive} takes exactly one argument`);
  }
  return argument.text;
}

function within<T>(file: string, line: number | undefined, parsed: Parsed<T>): T {
  if ('problem' in parsed) throw new ZoneSyntaxError(file, line, parsed.problem);
  return parsed.value;
}

function isZoneRecordType(type: string): type is ZoneRecordType {
  return (ZONE_RECORD_TYPES as readonly string[]).includes(type);
}
