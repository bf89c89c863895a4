import type { z } from 'zod';
import { didYouMean } from '../lib/did-you-mean.js';
import type { FieldPath } from './yaml-source.js';

type Issue = z.core.$ZodIssue;

/** `checks.ip-warmup.ips[0].start`: the form a user searches their profile for. */
export const formatFieldPath = (path: FieldPath): string =>
  path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');

const describeValue = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
};

const EXPECTED_WORDS: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
};

const sizeWords = (issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string => {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const atLeast = issue.code === 'too_small';
  if (issue.origin === 'array') return `needs ${atLeast ? 'at least' : 'at most'} ${bound} ${bound === 1 ? 'entry' : 'entries'}`;
  if (issue.origin === 'string') return atLeast && bound === 1 ? 'must not be empty' : `needs ${atLeast ? 'at least' : 'at most'} ${bound} characters`;
  const inclusive = issue.inclusive !== false;
  if (atLeast) return inclusive ? `must be at least ${bound}` : `must be greater than ${bound}`;
  return inclusive ? `must be at most ${bound}` : `must be less than ${bound}`;
};

// zod's own wording; anything else was written for this profile and is kept as it is.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized)/;

/** One issue as one sentence; the caller adds the position and the field path. */
export const describeIssue = (issue: Issue, knownKeys: (path: FieldPath) => string[]): string => {
  if (issue.code !== 'unrecognized_keys' && !ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_key':
    case 'invalid_element':
      return issue.issues[0] ? describeIssue(issue.issues[0], knownKeys) : issue.message;
    case 'unrecognized_keys': {
      const [key = ''] = issue.keys;
      return `unknown key "${key}"${didYouMean(key, knownKeys(issue.path))}`;
    }
    case 'invalid_type':
      return issue.input === undefined
        ? 'is required'
        : `expected ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const found = String(issue.input);
      return `${describeValue(issue.input)} is not one of ${allowed.join(' | ')}${didYouMean(found, allowed)}`;
    }
    case 'too_small':
    case 'too_big':
      return sizeWords(issue);
    default:
      return issue.message;
  }
};

/**
 * YAML reads an unquoted `+13035550142` as a number and `2024` as a number, where the field wants
 * text: the fix is quotes, which the schema's own message cannot say.
 */
export const quoteHint = (issue: Issue, writtenAs: string | undefined): string => {
  if (writtenAs === undefined || issue.code !== 'invalid_type' || issue.expected !== 'string') return '';
  const readAs = typeof issue.input === 'number' ? 'a number' : typeof issue.input === 'boolean' ? 'true or false' : undefined;
  if (readAs === undefined) return '';
  if (/^\+\d/.test(writtenAs)) return ` (YAML reads ${writtenAs} as a number: quote phone numbers, "${writtenAs}")`;
  return ` (YAML reads ${writtenAs} as ${readAs}: quote this value, "${writtenAs}")`;
};
