import type { JourneyStep, StepBody } from './types.js';

/**
 * Values every session has without capturing them: its number in the run, the run's id, and an email
 * built from both so that no two shoppers (of this run or another) share an account or an order email.
 */
export const BUILT_IN_REFERENCES = ['shopperIndex', 'runId', 'uniqueEmail'] as const;
export type BuiltInReference = (typeof BUILT_IN_REFERENCES)[number];

export const builtInValues = (session: { runId: string; shopperIndex: number }): Record<BuiltInReference, string> => ({
  shopperIndex: String(session.shopperIndex),
  runId: session.runId,
  uniqueEmail: `shopper+${session.runId}-${session.shopperIndex}@example.com`,
});

export const REFERENCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// `{{name}}`, or `{{name|url}}` for a value that goes URL-encoded into a query string.
const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(url)\s*)?\}\}/g;

/** `{{name}}` written for a value (`{{name|url}}` to send it URL-encoded): the form the HAR import writes. */
export const reference = (name: string, encoding?: 'url'): string => (encoding ? `{{${name}|${encoding}}}` : `{{${name}}}`);

/** The names referred to in `text`, in order, repeats kept. */
export const referencesIn = (text: string): string[] => [...text.matchAll(REFERENCE)].map((match) => match[1]!);

/** A reference with no value: the step that should have captured it did not (its answer changed shape). */
export class MissingReference extends Error {
  override name = 'MissingReference';
  constructor(readonly reference: string) {
    super(`no value for {{${reference}}}: the step that captures it did not find it`);
  }
}

/** Replaces every `{{name}}` by its value (`{{name|url}}` by its value URL-encoded). Pure; throws MissingReference for a name without one. */
export const fillReferences = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(REFERENCE, (_, name: string, encoding: string | undefined) => {
    const value = values[name];
    if (value === undefined) throw new MissingReference(name);
    return encoding === 'url' ? encodeURIComponent(value) : value;
  });

/** Every string of a JSON value (keys left alone: they name fields, never hold captured values). */
export const mapJsonStrings = (value: unknown, map: (text: string, path: (string | number)[]) => string, path: (string | number)[] = []): unknown => {
  if (typeof value === 'string') return map(value, path);
  if (Array.isArray(value)) return value.map((item, index) => mapJsonStrings(item, map, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapJsonStrings(item, map, [...path, key])]));
  }
  return value;
};

/** Where references may stand in a step: path, header values and the body's strings; `at` is the field path. */
export type StepText = { at: (string | number)[]; text: string };

const bodyTexts = (body: StepBody): StepText[] => {
  if ('json' in body) {
    const texts: StepText[] = [];
    mapJsonStrings(body.json, (text, path) => (texts.push({ at: ['body', 'json', ...path], text }), text));
    return texts;
  }
  if ('form' in body) return Object.entries(body.form).map(([key, text]) => ({ at: ['body', 'form', key], text }));
  return [{ at: ['body', 'text'], text: body.text }];
};

export const stepTexts = (step: JourneyStep): StepText[] => [
  { at: ['path'], text: step.path },
  ...Object.entries(step.headers ?? {}).map(([name, text]) => ({ at: ['headers', name], text })),
  ...(step.body ? bodyTexts(step.body) : []),
];

const fillBody = (body: StepBody, values: Readonly<Record<string, string>>): StepBody => {
  const fill = (text: string) => fillReferences(text, values);
  if ('json' in body) return { json: mapJsonStrings(body.json, fill) };
  if ('form' in body) return { form: Object.fromEntries(Object.entries(body.form).map(([key, text]) => [key, fill(text)])) };
  return { ...body, text: fill(body.text) };
};

/** The step as one session sends it: every reference in path, headers and body filled in. */
export const fillStep = (step: JourneyStep, values: Readonly<Record<string, string>>): JourneyStep => ({
  ...step,
  path: fillReferences(step.path, values),
  ...(step.headers ? { headers: Object.fromEntries(Object.entries(step.headers).map(([name, text]) => [name, fillReferences(text, values)])) } : {}),
  ...(step.body ? { body: fillBody(step.body, values) } : {}),
});
