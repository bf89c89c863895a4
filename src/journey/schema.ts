import { z } from 'zod';
import { parseJsonPath } from './json-path.js';
import { REFERENCE_NAME } from './references.js';
import type { HttpMethod, StepBody } from './types.js';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const satisfies readonly HttpMethod[];

// RFC 9110 token: what a header name may be. `:authority` (an HTTP/2 pseudo-header) is not one.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Relative to the profile's target, so one journey serves staging and a local store alike. */
const stepPath = () =>
  z.string().superRefine((path, ctx) => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('//')) {
      ctx.addIssue({ code: 'custom', message: `"${path}" is an absolute URL: write the path only (it is sent to the profile's target), e.g. "${new URL(path, 'http://x').pathname}"` });
    } else if (!path.startsWith('/')) {
      ctx.addIssue({ code: 'custom', message: `"${path}" must start with "/" (a path relative to the profile's target)` });
    }
  });

const captureName = () =>
  z.string().regex(REFERENCE_NAME, { error: (issue) => `"${String(issue.input)}" is not a capture name (letters, digits and _, not starting with a digit)` });

/** A regex that compiles and has a group to take the value from. */
const captureRegex = () =>
  z.string().superRefine((source, ctx) => {
    let groups: number;
    try {
      // Matching the empty alternative tells how many groups the expression has.
      groups = new RegExp(`${source}|`).exec('')!.length - 1;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `does not compile: ${(error as Error).message.replace(/^Invalid regular expression: /, '')}` });
      return;
    }
    if (groups === 0) ctx.addIssue({ code: 'custom', message: 'needs a group, (…), around the part to capture' });
  });

const jsonPath = () =>
  z.string().refine((path) => parseJsonPath(path) !== undefined, {
    error: (issue) => `"${String(issue.input)}" is not a JSON path (e.g. token, items[0].key)`,
  });

const SOURCES = ['json', 'header', 'cookie'] as const;

const captureSchema = z
  .strictObject({ name: captureName(), json: jsonPath().optional(), header: z.string().min(1).optional(), cookie: z.string().min(1).optional(), regex: captureRegex().optional() })
  .superRefine((capture, ctx) => {
    const sources = SOURCES.filter((source) => capture[source] !== undefined);
    if (sources.length > 1) ctx.addIssue({ code: 'custom', message: `has ${sources.join(' and ')}: a capture reads one source (json, header or cookie), optionally narrowed by regex` });
    if (sources.length === 0 && capture.regex === undefined) ctx.addIssue({ code: 'custom', message: 'says nowhere to read from: give json, header or cookie, or regex alone (over the body)' });
  });

const statusCode = () => z.int().min(100).max(599);

const bodySchema = z
  .strictObject({ json: z.unknown().optional(), form: z.record(z.string(), z.string()).optional(), text: z.string().optional(), contentType: z.string().min(1).optional() })
  .superRefine((body, ctx) => {
    const kinds = (['json', 'form', 'text'] as const).filter((kind) => body[kind] !== undefined);
    if (kinds.length !== 1) ctx.addIssue({ code: 'custom', message: kinds.length === 0 ? 'needs one of json, form or text' : `has ${kinds.join(' and ')}: a body is one of json, form or text` });
    if (kinds.length === 1 && body.contentType !== undefined && body.text === undefined) ctx.addIssue({ code: 'custom', path: ['contentType'], message: 'goes with text only (json and form set their own)' });
  })
  .transform((body): StepBody => {
    if (body.form !== undefined) return { form: body.form };
    if (body.text !== undefined) return { text: body.text, ...(body.contentType ? { contentType: body.contentType } : {}) };
    return { json: body.json };
  });

export const stepSchema = z.strictObject({
  name: z.string().trim().min(1),
  method: z.enum(HTTP_METHODS),
  path: stepPath(),
  headers: z
    .record(z.string().regex(HEADER_NAME, { error: (issue) => `"${String(issue.input)}" is not a header name${String(issue.input).startsWith(':') ? ' (HTTP/2 pseudo-headers are set by the client)' : ''}` }), z.string())
    .optional(),
  body: bodySchema.optional(),
  capture: z.array(captureSchema).optional(),
  expect: z.strictObject({ status: z.union([statusCode(), z.array(statusCode()).min(1)]).optional(), json: z.record(z.string(), z.unknown()).optional() }).optional(),
  thinkMs: z.int().min(0).optional(),
  payment: z.boolean().optional(),
  checkout: z.boolean().optional(),
});

export const journeyFileSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  steps: z.array(stepSchema).min(1),
});

export type JourneyFile = z.output<typeof journeyFileSchema>;
