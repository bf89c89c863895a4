import { CookieJar } from 'tough-cookie';
import { request } from 'undici';
import { readJsonPath } from '../../src/journey/json-path.js';
import { builtInValues, fillStep, MissingReference } from '../../src/journey/references.js';
import type { Capture, Journey, JourneyStep, StepBody } from '../../src/journey/types.js';

/**
 * One shopper replaying a journey, step after step, with a cookie jar of its own and the values its
 * captures took from live answers: enough to show that an imported journey buys with live tokens.
 * The load engine does this at scale (timing, think times, conversion); this stays sequential and
 * leaves think times out, as a test asserts what was sent and answered, never how fast.
 */

export interface ReplayedStep {
  name: string;
  method: string;
  /** As sent, references filled in. */
  path: string;
  status: number;
  /** The answer met the step's expect (status and JSON). */
  expected: boolean;
}

export interface ReplayedSession {
  steps: ReplayedStep[];
  /** The reference a step could not fill: the session stopped there. */
  missing?: string;
}

interface Answer {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const bodyOf = (body: StepBody | undefined): { body?: string; contentType?: string } => {
  if (!body) return {};
  if ('json' in body) return { body: JSON.stringify(body.json), contentType: 'application/json' };
  if ('form' in body) return { body: new URLSearchParams(body.form).toString(), contentType: 'application/x-www-form-urlencoded' };
  return { body: body.text, ...(body.contentType ? { contentType: body.contentType } : {}) };
};

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join('\n') : value);

const jsonOf = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const cookieFrom = (setCookie: string | undefined, name: string): string | undefined =>
  setCookie
    ?.split('\n')
    .map((line) => /^\s*([^=;\s]+)=([^;]*)/.exec(line))
    .find((match) => match?.[1] === name)?.[2];

const asText = (value: unknown): string | undefined => (value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value));

/** What a capture reads before its regex: a JSON value, a header, a cookie the answer set, or the body. */
const sourceOf = (capture: Capture, answer: Answer): string | undefined => {
  if (capture.json !== undefined) return asText(readJsonPath(jsonOf(answer.body), capture.json));
  if (capture.header !== undefined) return headerText(answer.headers[capture.header.toLowerCase()]);
  if (capture.cookie !== undefined) return cookieFrom(headerText(answer.headers['set-cookie']), capture.cookie);
  return answer.body;
};

const captured = (capture: Capture, answer: Answer): string | undefined => {
  const source = sourceOf(capture, answer);
  if (source === undefined || capture.regex === undefined) return source;
  return new RegExp(capture.regex).exec(source)?.[1];
};

const meetsExpect = (step: JourneyStep, status: number, body: string): boolean => {
  const wanted = step.expect?.status;
  if (wanted !== undefined && !(Array.isArray(wanted) ? wanted : [wanted]).includes(status)) return false;
  const json = jsonOf(body);
  return Object.entries(step.expect?.json ?? {}).every(([at, value]) => JSON.stringify(readJsonPath(json, at)) === JSON.stringify(value));
};

/** Replays every step of `journey` against `origin` as shopper `shopperIndex`; redirects are answers, never followed. */
export async function replayJourney(journey: Journey, origin: string, session: { shopperIndex: number; runId: string; signal: AbortSignal; timeoutMs?: number }): Promise<ReplayedSession> {
  const jar = new CookieJar();
  const values: Record<string, string> = builtInValues(session);
  const steps: ReplayedStep[] = [];
  const timeoutMs = session.timeoutMs ?? 5000;
  for (const written of journey.steps) {
    let step: JourneyStep;
    try {
      step = fillStep(written, values);
    } catch (error) {
      if (error instanceof MissingReference) return { steps, missing: error.reference };
      throw error;
    }
    const url = `${origin}${step.path}`;
    const { body, contentType } = bodyOf(step.body);
    const cookie = await jar.getCookieString(url);
    const answer = await request(url, {
      method: step.method,
      headers: { ...step.headers, ...(contentType ? { 'content-type': contentType } : {}), ...(cookie ? { cookie } : {}) },
      ...(body !== undefined ? { body } : {}),
      signal: AbortSignal.any([session.signal, AbortSignal.timeout(timeoutMs)]),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await answer.body.text();
    const setCookies = answer.headers['set-cookie'];
    for (const line of Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) await jar.setCookie(line, url);
    for (const capture of step.capture ?? []) {
      const value = captured(capture, { headers: answer.headers, body: text });
      if (value !== undefined) values[capture.name] = value;
    }
    steps.push({ name: step.name, method: step.method, path: step.path, status: answer.statusCode, expected: meetsExpect(step, answer.statusCode, text) });
  }
  return { steps };
}
