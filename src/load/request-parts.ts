import type { JourneyStep, StepBody } from '../journey/types.js';

/** What one step sends, its references already filled in (fillStep). */
export interface FilledRequest {
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const encodeBody = (body: StepBody): { text: string; contentType: string } => {
  if ('json' in body) return { text: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) return { text: new URLSearchParams(body.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  return { text: body.text, contentType: body.contentType ?? 'text/plain; charset=utf-8' };
};

/** The run's headers, then the step's (lower-case names, the step's winning), and the body encoded with its content type. */
export const requestParts = (filled: JourneyStep, runHeaders: Readonly<Record<string, string>>): FilledRequest => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(runHeaders)) headers[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(filled.headers ?? {})) headers[name.toLowerCase()] = value;
  if (!filled.body) return { path: filled.path, headers };
  const body = encodeBody(filled.body);
  headers['content-type'] ??= body.contentType;
  return { path: filled.path, headers, body: body.text };
};

/** Steps with no reference send the same parts every time: worked out once per run's headers. */
const fixedParts = new WeakMap<Readonly<Record<string, string>>, WeakMap<JourneyStep, FilledRequest | null>>();

const hasReference = (step: JourneyStep): boolean => JSON.stringify([step.path, step.headers, step.body]).includes('{{');

/** The parts of a step as it is sent, `fill` run only for a step that has references; the headers are the caller's to change. */
export const partsFor = (step: JourneyStep, runHeaders: Readonly<Record<string, string>>, fill: (step: JourneyStep) => JourneyStep): FilledRequest => {
  let byStep = fixedParts.get(runHeaders);
  if (!byStep) fixedParts.set(runHeaders, (byStep = new WeakMap()));
  let fixed = byStep.get(step);
  if (fixed === undefined) {
    fixed = hasReference(step) ? null : requestParts(step, runHeaders);
    byStep.set(step, fixed);
  }
  return fixed === null ? requestParts(fill(step), runHeaders) : { ...fixed, headers: { ...fixed.headers } };
};
