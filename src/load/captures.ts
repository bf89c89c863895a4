import type { Capture } from '../journey/types.js';
import type { Answer } from './answer.js';

const asText = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** A cookie's value as this answer set it (`name=value; Path=/…`), else as the session's jar holds it. */
const cookieValue = (answer: Answer, name: string, jarValue: (name: string) => string | undefined): string | undefined => {
  for (const line of answer.setCookies()) {
    const pair = line.split(';', 1)[0]!;
    const equals = pair.indexOf('=');
    if (equals > 0 && pair.slice(0, equals).trim() === name) return pair.slice(equals + 1).trim();
  }
  return jarValue(name);
};

const firstGroup = (pattern: string, text: string): string | undefined => {
  const match = new RegExp(pattern).exec(text);
  return match ? (match[1] ?? match[0]) : undefined;
};

/** The captured value, or undefined when the answer does not hold it. */
export const runCapture = (capture: Capture, answer: Answer, jarValue: (name: string) => string | undefined): string | undefined => {
  const source =
    capture.json !== undefined
      ? asText(answer.at(capture.json))
      : capture.header !== undefined
        ? answer.header(capture.header)
        : capture.cookie !== undefined
          ? cookieValue(answer, capture.cookie, jarValue)
          : answer.body;
  if (source === undefined || capture.regex === undefined) return source;
  return firstGroup(capture.regex, source);
};
