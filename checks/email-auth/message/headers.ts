/** The header section of a raw message (RFC 5322 §2.2), unfolded. */

export interface HeaderField {
  /** As written. */
  name: string;
  /** Unfolded (CRLF before whitespace removed, RFC 5322 §2.2.3), without the whitespace after the colon. */
  value: string;
}

export interface HeaderSection {
  fields: HeaderField[];
  problems: string[];
}

// RFC 5322 §3.6.8: field-name = 1*ftext, printable US-ASCII except ":".
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** Splits the header section (everything before the first empty line) into fields. Never throws. */
export const readHeaderSection = (raw: string): HeaderSection => {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r?\n/);
  // An mbox export starts with a "From sender date" separator line that is not a header field.
  if (lines[0]?.startsWith('From ')) lines.shift();
  const fields: HeaderField[] = [];
  const problems: string[] = [];
  for (const line of lines) {
    if (line === '') break;
    const last = fields.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last === undefined) problems.push('the message starts with a continuation line');
      else last.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trimEnd();
    if (!FIELD_NAME.test(name)) {
      problems.push(`not a header line: ${JSON.stringify(line.length > 60 ? `${line.slice(0, 60)}…` : line)}`);
      continue;
    }
    fields.push({ name, value: line.slice(colon + 1).replace(/^[ \t]+/, '') });
  }
  for (const field of fields) field.value = field.value.trimEnd();
  return { fields, problems };
};

/** Every value of a field, case-insensitively by name, in message order. */
export const valuesOf = (fields: HeaderField[], name: string): string[] => {
  const wanted = name.toLowerCase();
  return fields.filter((field) => field.name.toLowerCase() === wanted).map((field) => field.value);
};
