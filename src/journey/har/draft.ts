import type { Entry } from 'har-format';
import { mapJsonStrings } from '../references.js';
import type { Capture, HttpMethod, StepBody } from '../types.js';

/**
 * A kept request on its way to becoming a step. The query is kept as decoded pairs so that values are
 * compared and replaced as the application sees them, and encoded once, when the path is written.
 */
export interface DraftStep {
  entry: Entry;
  method: HttpMethod;
  pathname: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: StepBody;
  capture: Capture[];
}

/** Where a string of a request stands: what decides how a value in it is named, replaced and encoded. */
export type StringPlace =
  | { kind: 'path' }
  | { kind: 'query' | 'form'; key: string }
  | { kind: 'header'; key: string }
  | { kind: 'json'; keys: (string | number)[] }
  | { kind: 'text' };

export type StringMap = (text: string, place: StringPlace) => string;

/** The draft with every string it sends passed through `map`; keys are left alone. */
export const mapDraftStrings = (draft: DraftStep, map: StringMap): DraftStep => {
  const body = draft.body;
  let mapped: StepBody | undefined = body;
  if (body && 'json' in body) mapped = { json: mapJsonStrings(body.json, (text, keys) => map(text, { kind: 'json', keys })) };
  else if (body && 'form' in body) mapped = { form: Object.fromEntries(Object.entries(body.form).map(([key, text]) => [key, map(text, { kind: 'form', key })])) };
  else if (body) mapped = { ...body, text: map(body.text, { kind: 'text' }) };
  return {
    ...draft,
    pathname: map(draft.pathname, { kind: 'path' }),
    query: draft.query.map(([key, text]) => [key, map(text, { kind: 'query', key })]),
    headers: Object.fromEntries(Object.entries(draft.headers).map(([key, text]) => [key, map(text, { kind: 'header', key })])),
    ...(mapped ? { body: mapped } : {}),
  };
};

/** Every string the draft sends, with its place. */
export const draftStrings = (draft: DraftStep): { text: string; place: StringPlace }[] => {
  const found: { text: string; place: StringPlace }[] = [];
  mapDraftStrings(draft, (text, place) => (found.push({ text, place }), text));
  return found;
};

// `{{name}}` and `{{name|url}}` stay as written; the text around them is encoded.
const encodeKeepingReferences = (text: string): string =>
  text
    .split(/(\{\{[^{}]+\}\})/)
    .map((part, index) => (index % 2 === 1 ? part : encodeURIComponent(part)))
    .join('');

export const draftPath = (draft: DraftStep): string =>
  draft.query.length === 0 ? draft.pathname : `${draft.pathname}?${draft.query.map(([key, text]) => `${encodeKeepingReferences(key)}=${encodeKeepingReferences(text)}`).join('&')}`;
