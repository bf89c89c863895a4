/**
 * A checkout journey: the requests one shopper sends, in order, with what each captures from its answer
 * for later steps. Paths are relative to the profile's `target`, so one journey serves staging and a
 * local store. `{{name}}` in a path, header value or body string is replaced by a captured value.
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export type StepBody =
  | { json: unknown }
  | { form: Record<string, string> }
  | { text: string; contentType?: string };

/**
 * Where a value comes from: exactly one of `json` (a path such as `token` or `items[0].key`), `header`
 * (e.g. `location`) or `cookie` (its value), optionally narrowed by `regex` (its first group); or
 * `regex` alone, over the response body.
 */
export interface Capture {
  name: string;
  json?: string;
  header?: string;
  cookie?: string;
  regex?: string;
}

export interface Expect {
  /** One status or any of several; a 3xx is never followed, so a redirect is expected as itself. */
  status?: number | number[];
  /** JSON path → value the answer must hold. */
  json?: Record<string, unknown>;
}

export interface JourneyStep {
  /** Short and unique in the journey: "add to cart". Reports name steps by it. */
  name: string;
  method: HttpMethod;
  path: string;
  headers?: Record<string, string>;
  body?: StepBody;
  capture?: Capture[];
  expect?: Expect;
  /** Pause before this step, as a shopper reads the page. */
  thinkMs?: number;
  /** Completes a payment: runs only against loopback or a target in testMode. */
  payment?: boolean;
  /** The first step only converting sessions run (see Journey.checkoutFrom). */
  checkout?: boolean;
}

export interface Journey {
  name: string;
  steps: JourneyStep[];
  /**
   * Index of the first checkout step: every session runs the steps before it (browsing), only the
   * profile's `conversion` share runs it and the rest. The step marked `checkout: true`; without one,
   * the first step that is not a GET or HEAD (browsing reads, buying writes).
   */
  checkoutFrom: number;
}
