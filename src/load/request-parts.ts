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
