import { describe, expect, it } from 'vitest';
import { Answer } from '../../src/load/answer.js';
import { runCapture } from '../../src/load/captures.js';
import { unmetExpectation } from '../../src/load/expect.js';
import { LatencyHistogram } from '../../src/load/latency-histogram.js';
import { requestParts } from '../../src/load/request-parts.js';
import { transportError } from '../../src/load/transport-error.js';

const answer = new Answer(
  200,
  { location: '/checkouts/cn/tok123?x=1', 'set-cookie': ['cart=c1-abc%3Fkey%3Dk9; path=/', 'other=1'] },
  JSON.stringify({ token: 'c1-abc', items: [{ key: '44:aa', quantity: 2 }], note: null }),
);
const noJar = (): undefined => undefined;

describe('captures', () => {
  it('reads a JSON path, a header, a cookie and a regex group', () => {
    expect(runCapture({ name: 't', json: 'token' }, answer, noJar)).toBe('c1-abc');
    expect(runCapture({ name: 'k', json: 'items[0].key' }, answer, noJar)).toBe('44:aa');
    expect(runCapture({ name: 'q', json: 'items[0].quantity' }, answer, noJar)).toBe('2');
    expect(runCapture({ name: 'd', json: '$.items[0].key' }, answer, noJar)).toBe('44:aa');
    expect(runCapture({ name: 'c', header: 'Location', regex: '/checkouts/cn/([^?]+)' }, answer, noJar)).toBe('tok123');
    expect(runCapture({ name: 'cart', cookie: 'cart' }, answer, noJar)).toBe('c1-abc%3Fkey%3Dk9');
    expect(runCapture({ name: 'r', regex: '"key":"([^"]+)"' }, answer, noJar)).toBe('44:aa');
  });

  it('finds nothing where the answer holds nothing', () => {
    expect(runCapture({ name: 'x', json: 'missing.deep' }, answer, noJar)).toBeUndefined();
    expect(runCapture({ name: 'x', json: 'note' }, answer, noJar)).toBeUndefined();
    expect(runCapture({ name: 'x', header: 'x-none' }, answer, noJar)).toBeUndefined();
    expect(runCapture({ name: 'x', regex: 'nope(.)' }, answer, noJar)).toBeUndefined();
  });

  it('falls back to the jar for a cookie this answer did not set', () => {
    expect(runCapture({ name: 's', cookie: 'session' }, answer, (name) => (name === 'session' ? 'from-jar' : undefined))).toBe('from-jar');
  });
});

describe('expect', () => {
  it('checks the status and JSON fields, saying what differed', () => {
    expect(unmetExpectation({ status: [200, 302] }, answer)).toBeUndefined();
    expect(unmetExpectation({ status: 201 }, answer)).toBe('status 200, expected 201');
    expect(unmetExpectation({ json: { token: 'c1-abc', 'items[0].quantity': 2 } }, answer)).toBeUndefined();
    expect(unmetExpectation({ json: { 'items[0].quantity': 3 } }, answer)).toBe('items[0].quantity is not 3');
    expect(unmetExpectation(undefined, answer)).toBeUndefined();
  });
});

describe('request parts', () => {
  it('sends the run headers under the step headers and encodes each body form', () => {
    const json = requestParts({ name: 'add', method: 'POST', path: '/cart/add.js', headers: { 'User-Agent': 'step' }, body: { json: { id: 1 } } }, { 'user-agent': 'run', accept: '*/*' });
    expect(json).toEqual({ path: '/cart/add.js', headers: { 'user-agent': 'step', accept: '*/*', 'content-type': 'application/json' }, body: '{"id":1}' });
    expect(requestParts({ name: 'f', method: 'POST', path: '/f', body: { form: { a: 'x y', b: '&' } } }, {}).body).toBe('a=x+y&b=%26');
    expect(requestParts({ name: 't', method: 'POST', path: '/t', body: { text: 'hi', contentType: 'text/csv' } }, {}).headers['content-type']).toBe('text/csv');
  });
});

describe('latency histogram', () => {
  it('keeps a 50 ms median to well within 1%', () => {
    const histogram = new LatencyHistogram();
    for (let index = 0; index < 1000; index++) histogram.record(49.5 + index / 1000);
    const summary = histogram.summary();
    expect(summary.count).toBe(1000);
    expect(Math.abs(summary.p50 - 50) / 50).toBeLessThan(0.01);
    expect(summary.max).toBeGreaterThanOrEqual(50.4);
  });

  it('summarises nothing as zeros', () => {
    expect(new LatencyHistogram().summary()).toEqual({ count: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0, mean: 0 });
  });
});

describe('transport errors', () => {
  it('names them as a report does', () => {
    expect(transportError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe('connection refused');
    expect(transportError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' }))).toBe('timeout');
    expect(transportError(new DOMException('late', 'TimeoutError'))).toBe('timeout');
    expect(transportError(Object.assign(new Error('x'), { code: 'ECONNRESET' }))).toBe('connection reset');
  });
});
