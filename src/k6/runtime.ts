/**
 * The part of the exported k6 script that is the same for every store: one session of a journey, run
 * as the load engine runs it (src/load/session.ts) — its own cookie jar, captures filled into later
 * steps, no redirect followed, no retry, expectations checked, the four throttle forms counted, and the
 * conversion share chosen by the iteration's number, not at random. Plain ES2015 for k6's runtime: no
 * template literals, so this text can sit in a TypeScript template untouched.
 */
export const RUNTIME = String.raw`
const counters = {};
for (const name of COUNTER_NAMES) counters[name] = new Counter(name);
const journeyDuration = new Trend(JOURNEY_DURATION, true);

// The engine's even conversion: session i of a journey converts when floor((i+1)·share) > floor(i·share).
function converts(index, share) {
  const upTo = function (count) { return Math.floor(count * share + 1e-9); };
  return upTo(index + 1) > upTo(index);
}

const REFERENCE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\|\s*(url)\s*)?\}\}/g;

function fillText(text, values) {
  return text.replace(REFERENCE, function (whole, name, encoding) {
    // Secret header values were left out of the script: {{env_NAME}} reads them from k6's -e NAME=….
    const value = name.indexOf('env_') === 0 ? __ENV[name.slice(4)] : values[name];
    if (value === undefined) throw new Error('missing reference ' + name);
    return encoding === 'url' ? encodeURIComponent(value) : value;
  });
}

function fillJson(value, values) {
  if (typeof value === 'string') return fillText(value, values);
  if (Array.isArray(value)) return value.map(function (item) { return fillJson(item, values); });
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = fillJson(value[key], values);
    return out;
  }
  return value;
}

// The request as sent: path, lower-case headers, and the body encoded with its content type.
function fillRequest(step, values) {
  const headers = {};
  for (const name of Object.keys(step.headers || {})) headers[name.toLowerCase()] = fillText(step.headers[name], values);
  const request = { path: fillText(step.path, values), headers: headers, body: null };
  if (!step.body) return request;
  if (step.body.json !== undefined) {
    request.body = JSON.stringify(fillJson(step.body.json, values));
    if (!headers['content-type']) headers['content-type'] = 'application/json';
  } else if (step.body.form !== undefined) {
    request.body = fillJson(step.body.form, values);
    if (!headers['content-type']) headers['content-type'] = 'application/x-www-form-urlencoded';
  } else {
    request.body = fillText(step.body.text, values);
    if (!headers['content-type']) headers['content-type'] = step.body.contentType || 'text/plain; charset=utf-8';
  }
  return request;
}

// The journey's small JSON path: token, items[0].key, updates["44:ab"].
const SEGMENT = /^(?:\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\])/;
function readJsonPath(value, path) {
  let node = value;
  let rest = path;
  while (rest.length > 0) {
    const match = SEGMENT.exec(rest);
    if (!match) return undefined;
    const segment = match[1] !== undefined ? match[1] : match[2] !== undefined ? Number(match[2]) : JSON.parse('"' + match[3] + '"');
    if (node === null || typeof node !== 'object') return undefined;
    node = node[segment];
    rest = rest.slice(match[0].length);
  }
  return node;
}

function parseJson(text) {
  try { return JSON.parse(text); } catch (error) { return undefined; }
}

// k6 writes header names in canonical case (Set-Cookie); journeys write them in lower case.
function header(res, name) {
  for (const key of Object.keys(res.headers)) if (key.toLowerCase() === name.toLowerCase()) return res.headers[key];
  return undefined;
}

function asText(value) {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function captureValue(capture, res, jar, url) {
  let source;
  if (capture.json !== undefined) source = asText(readJsonPath(parseJson(res.body), capture.json));
  else if (capture.header !== undefined) source = header(res, capture.header);
  else if (capture.cookie !== undefined) {
    const set = res.cookies[capture.cookie];
    const held = jar.cookiesForURL(url)[capture.cookie];
    source = set && set.length > 0 ? set[0].value : held && held.length > 0 ? held[0] : undefined;
  } else source = res.body;
  if (source === undefined || capture.regex === undefined) return source;
  const match = new RegExp(capture.regex).exec(source);
  return match ? (match[1] !== undefined ? match[1] : match[0]) : undefined;
}

function meetsExpect(expect, res) {
  if (!expect) return true;
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (allowed.indexOf(res.status) === -1) return false;
  }
  const json = expect.json ? parseJson(res.body) : undefined;
  for (const path of Object.keys(expect.json || {})) {
    if (JSON.stringify(readJsonPath(json, path)) !== JSON.stringify(expect.json[path])) return false;
  }
  return true;
}

// Shopify's four ways of saying "slow down" (src/shopify/throttle.ts).
function throttleForm(res) {
  if (res.status === 429) return '429';
  if (res.status === 430) return '430';
  if (res.status === 503) {
    const retry = String(header(res, 'retry-after') || '').trim();
    return /^\d+$/.test(retry) || (retry !== '' && !isNaN(Date.parse(retry))) ? '503-retry-after' : undefined;
  }
  if (res.status !== 200 || typeof res.body !== 'string' || res.body.length > 16384 || res.body.trim().charAt(0) !== '{') return undefined;
  const errors = (parseJson(res.body) || {}).errors;
  const throttled = function (text) { return typeof text === 'string' && /^throttled$/i.test(text.trim()); };
  if (typeof errors === 'string') return throttled(errors) ? '200-throttled' : undefined;
  if (!Array.isArray(errors)) return undefined;
  return errors.some(function (error) {
    return error !== null && typeof error === 'object' && (throttled(error.message) || (error.extensions && error.extensions.code === 'THROTTLED'));
  }) ? '200-throttled' : undefined;
}

// k6's error code for a request that ran out of time.
const REQUEST_TIMEOUT = 1050;

// One step: the request, its outcome counted, its captures taken. The latency, or undefined when the session ends here.
function runStep(journey, step, values, jar) {
  let request;
  try {
    request = fillRequest(step, values);
  } catch (missing) {
    return undefined;
  }
  const tags = { journey: journey.name, name: step.tag };
  const url = TARGET + request.path;
  const res = http.request(step.method, url, request.body, { headers: request.headers, jar: jar, redirects: 0, timeout: REQUEST_TIMEOUT_MS + 'ms', tags: tags, responseType: 'text' });
  if (res.status === 0) {
    counters[res.error_code === REQUEST_TIMEOUT ? METRIC.timeouts : METRIC.transportErrors].add(1, tags);
    return undefined;
  }
  const form = throttleForm(res);
  if (form !== undefined) counters[THROTTLE_COUNTER[form]].add(1, tags);
  else if (res.status >= 500) counters[METRIC.serverErrors].add(1, tags);
  const expected = check(res, { [step.tag + ' answers as expected']: function (r) { return meetsExpect(step.expect, r); } }, tags);
  if (!expected) {
    counters[METRIC.unexpected].add(1, tags);
    return undefined;
  }
  for (const capture of step.capture || []) {
    const value = captureValue(capture, res, jar, url);
    if (value === undefined) return undefined;
    values[capture.name] = value;
  }
  return res.timings.duration;
}

// One shopper's session: browsing steps always, checkout steps for the converting share, a fresh cookie jar.
function runJourney(journey, journeyIndex) {
  const index = exec.scenario.iterationInTest;
  const tags = { journey: journey.name };
  counters[METRIC.sessions].add(1, tags);
  const converting = journey.checkoutFrom < journey.steps.length && converts(index, CONVERSION);
  if (converting) counters[METRIC.converting].add(1, tags);
  const shopperIndex = String(index * JOURNEY_COUNT + journeyIndex);
  const values = { shopperIndex: shopperIndex, runId: RUN_ID, uniqueEmail: 'shopper+' + RUN_ID + '-' + shopperIndex + '@example.com' };
  const jar = new http.CookieJar();
  // Steps past a payment step were left out of the script where payments may not run: the session stops at the hand-off.
  const wanted = converting ? journey.totalSteps : journey.checkoutFrom;
  const last = Math.min(wanted, journey.steps.length);
  let spentMs = 0;
  for (let at = 0; at < last; at++) {
    const step = journey.steps[at];
    if (at > 0 && step.thinkMs) sleep(step.thinkMs / 1000);
    const latency = runStep(journey, step, values, jar);
    if (latency === undefined) {
      counters[METRIC.failed].add(1, tags);
      return;
    }
    spentMs += latency;
  }
  if (wanted > journey.steps.length) {
    counters[METRIC.handOff].add(1, tags);
    return;
  }
  journeyDuration.add(spentMs, tags);
}
`;
