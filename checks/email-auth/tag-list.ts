/**
 * The DKIM tag=value list (RFC 6376 §3.2). DMARC records reuse the same syntax (RFC 7489 §6.3,
 * RFC 9989 §4.7), so both parsers split records here and differ only in what they do with the tags.
 */

export interface Tag {
  /** As written (DKIM tag names are case-sensitive; DMARC callers lower-case them). */
  name: string;
  /** With the folding whitespace around it removed; whitespace inside is kept for the caller to judge. */
  value: string;
}

export interface TagListProblem {
  /** The tag concerned, when the problem is about one. */
  tag?: string;
  message: string;
}

export interface TagList {
  tags: Tag[];
  problems: TagListProblem[];
  /** Names seen more than once (after `normalizeName`), each listed once. */
  duplicates: string[];
}

// tag-name = ALPHA *ALNUMPUNC (RFC 6376 §3.2)
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
// VALCHAR = %x21-3A / %x3C-7E, with WSP/FWS allowed between runs of them.
const TAG_VALUE = /^[\x21-\x3a\x3c-\x7e]+(?:[ \t\r\n]+[\x21-\x3a\x3c-\x7e]+)*$/;
const FWS = /^[ \t\r\n]+|[ \t\r\n]+$/g;

const show = (text: string): string => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * Splits a tag list. Empty segments (`;;`, a trailing `;`) are skipped, as verifiers do; a segment
 * without `=`, a bad tag name or a character outside VALCHAR is a problem, never an exception.
 */
export const parseTagList = (text: string, normalizeName: (name: string) => string = (name) => name): TagList => {
  const tags: Tag[] = [];
  const problems: TagListProblem[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const segment of text.split(';')) {
    const spec = segment.replace(FWS, '');
    if (spec === '') continue;
    const equals = spec.indexOf('=');
    if (equals < 0) {
      problems.push({ message: `${show(spec)} is not a tag=value pair` });
      continue;
    }
    const name = spec.slice(0, equals).replace(FWS, '');
    const value = spec.slice(equals + 1).replace(FWS, '');
    if (!TAG_NAME.test(name)) {
      problems.push({ message: `${show(name)} is not a valid tag name` });
      continue;
    }
    if (value !== '' && !TAG_VALUE.test(value)) {
      problems.push({ tag: name, message: `the value of ${name}= has a character that is not allowed (${show(value)})` });
    }
    const key = normalizeName(name);
    if (seen.has(key)) duplicates.add(key);
    seen.add(key);
    tags.push({ name, value });
  }
  return { tags, problems, duplicates: [...duplicates] };
};

/** Removes all folding whitespace, for values whose syntax allows it anywhere (p=, h=, s=, t=). */
export const withoutWhitespace = (value: string): string => value.replace(/[ \t\r\n]+/g, '');

/** A colon-separated list (h=, s=, t=, fo=), with whitespace and empty items dropped. */
export const colonList = (value: string): string[] => withoutWhitespace(value).split(':').filter((item) => item !== '');

/** The value of the first tag with this name. */
export const tagValue = (list: TagList, name: string): string | undefined => list.tags.find((tag) => tag.name === name)?.value;
