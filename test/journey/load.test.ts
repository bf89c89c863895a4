import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JourneyProblems, loadJourney } from '../../src/journey/load.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'q4check-journey-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VALID = `name: native
steps:
  - name: view product
    method: GET
    path: /products/trail-jacket
    expect: { status: 200 }
  - name: add to cart
    method: POST
    path: /cart/add.js
    body: { json: { items: [{ id: 44012345678901, quantity: 1 }] } }
    capture:
      - { name: lineKey, json: "items[0].key" }
  - name: change cart
    method: POST
    path: /cart/change.js
    body: { json: { id: "{{lineKey}}", quantity: 2 } }
  - name: start checkout
    method: POST
    path: /checkout
    body: { form: { email: "{{uniqueEmail}}" } }
    capture:
      - { name: checkoutToken, header: location, regex: "/checkouts/cn/([^/?#]+)" }
    expect: { status: 302 }
  - name: pay
    method: POST
    path: /checkouts/cn/{{checkoutToken}}/complete
    payment: true
    thinkMs: 1500
`;

/** Writes a journey file into the test's folder and returns its path as a user would give it. */
const journeyFile = async (text: string, name = 'journey.yaml'): Promise<string> => {
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
};

/** The one problem a broken journey has, without the folder of this test run. */
const onlyProblem = async (text: string): Promise<string> => {
  const file = await journeyFile(text);
  const error = await loadJourney(file).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(JourneyProblems);
  const problems = (error as JourneyProblems).problems;
  expect(problems.map((problem) => problem.problem)).toHaveLength(1);
  return (error as JourneyProblems).message.replace(`${dir}${path.sep}`, '');
};

const withStep = (step: string) => `steps:\n  - name: first\n    method: GET\n    path: /\n${step}`;

describe('loadJourney', () => {
  it('reads a valid journey: steps as written, checkoutFrom at the first write', async () => {
    const journey = await loadJourney(await journeyFile(VALID));
    expect(journey.name).toBe('native');
    expect(journey.steps.map((step) => step.name)).toEqual(['view product', 'add to cart', 'change cart', 'start checkout', 'pay']);
    expect(journey.steps[1]!.body).toEqual({ json: { items: [{ id: 44012345678901, quantity: 1 }] } });
    expect(journey.steps[3]!.body).toEqual({ form: { email: '{{uniqueEmail}}' } });
    expect(journey.steps[4]).toMatchObject({ payment: true, thinkMs: 1500 });
    expect(journey.checkoutFrom).toBe(1);
  });

  it('takes checkoutFrom from the step marked checkout, and the name given over the file\'s', async () => {
    const journey = await loadJourney(await journeyFile(VALID.replace('    expect: { status: 302 }', '    expect: { status: 302 }\n    checkout: true')), 'wallet');
    expect(journey.checkoutFrom).toBe(3);
    expect(journey.name).toBe('wallet');
  });

  it('names a journey without a name after its file', async () => {
    const journey = await loadJourney(await journeyFile(withStep(''), 'browse-only.yaml'));
    expect(journey.name).toBe('browse-only');
    expect(journey.checkoutFrom).toBe(1);
  });

  it.each([
    ['an unknown key, with did-you-mean', withStep('    thinkMS: 100\n'), 'journey.yaml:5:5: steps[0].thinkMS: unknown key "thinkMS" (did you mean "thinkMs"?)'],
    ['an absolute URL', 'steps:\n  - { name: a, method: GET, path: "https://shop.example/cart.js" }\n', 'steps[0].path: "https://shop.example/cart.js" is an absolute URL: write the path only (it is sent to the profile\'s target), e.g. "/cart.js"'],
    ['a path without its slash', 'steps:\n  - { name: a, method: GET, path: cart.js }\n', 'steps[0].path: "cart.js" must start with "/"'],
    ['a method that is not one', 'steps:\n  - { name: a, method: FETCH, path: / }\n', 'steps[0].method: "FETCH" is not one of GET | HEAD | POST'],
    ['a pseudo-header', withStep('    headers: { ":authority": shop.example }\n'), 'steps[0].headers.:authority: ":authority" is not a header name (HTTP/2 pseudo-headers are set by the client)'],
    ['a body of two kinds', withStep('    body: { json: {}, text: x }\n'), 'steps[0].body: has json and text: a body is one of json, form or text'],
    ['a body of no kind', withStep('    body: { contentType: text/plain }\n'), 'steps[0].body: needs one of json, form or text'],
    ['a capture with two sources', withStep('    capture: [{ name: t, json: token, header: location }]\n'), 'steps[0].capture[0]: has json and header: a capture reads one source'],
    ['a capture with no source', withStep('    capture: [{ name: t }]\n'), 'steps[0].capture[0]: says nowhere to read from'],
    ['a regex that does not compile', withStep('    capture: [{ name: t, regex: "token=([a-z"}]\n'), 'steps[0].capture[0].regex: does not compile'],
    ['a regex without a group', withStep('    capture: [{ name: t, regex: "token=[a-z]+" }]\n'), 'steps[0].capture[0].regex: needs a group'],
    ['a bad JSON path', withStep('    capture: [{ name: t, json: "items[x]" }]\n'), 'steps[0].capture[0].json: "items[x]" is not a JSON path'],
    ['a bad capture name', withStep('    capture: [{ name: 2fa, json: token }]\n'), 'steps[0].capture[0].name: "2fa" is not a capture name'],
    ['no steps', 'name: empty\nsteps: []\n', 'steps: needs at least 1 entry'],
    ['a status that is not one', withStep('    expect: { status: 42 }\n'), 'steps[0].expect.status'],
  ])('refuses %s, in one line', async (_, text, message) => {
    expect(await onlyProblem(text)).toContain(message);
  });

  it.each([
    ['a reference never captured', withStep('  - { name: b, method: GET, path: "/orders/{{orderId}}" }\n'), 'steps[1].path: {{orderId}} is never captured (built-in values: shopperIndex, runId, uniqueEmail)'],
    ['a reference captured later', `steps:\n  - { name: a, method: GET, path: "/c/{{t}}" }\n  - { name: b, method: GET, path: /, capture: [{ name: t, json: token }] }\n`, 'steps[0].path: {{t}} is captured only later, at steps[1]'],
    ['a reference to its own step\'s capture', withStep('    headers: { x-token: "{{t}}" }\n    capture: [{ name: t, json: token }]\n'), "steps[0].headers.x-token: {{t}} is captured from this step's own answer"],
    ['a reference in a JSON body', withStep('  - { name: b, method: POST, path: /cart/change.js, body: { json: { id: "{{key}}" } } }\n'), 'steps[1].body.json.id: {{key}} is never captured'],
    ['a repeated step name', withStep('  - { name: first, method: GET, path: /cart.js }\n'), 'steps[1].name: "first" is already the name of steps[0]'],
    ['a repeated capture name', withStep('    capture: [{ name: t, json: token }]\n  - { name: b, method: GET, path: /, capture: [{ name: t, json: token }] }\n'), 'steps[1].capture[0].name: "t" is already captured at steps[0].capture[0]'],
    ['a capture named as a built-in', withStep('    capture: [{ name: runId, json: id }]\n'), 'steps[0].capture[0].name: "runId" is a built-in value'],
    ['two checkout steps', withStep('    checkout: true\n  - { name: b, method: POST, path: /checkout, checkout: true }\n'), 'steps[1].checkout: steps[0] already starts the checkout'],
  ])('refuses %s, in one line with its place', async (_, text, message) => {
    expect(await onlyProblem(text)).toContain(message);
  });

  it('lists every problem with file:line:col', async () => {
    const file = await journeyFile('steps:\n  - { name: a, method: GET, path: x }\n  - { name: b, method: GET, path: /, speed: 1 }\n');
    const error = (await loadJourney(file).catch((thrown: unknown) => thrown)) as JourneyProblems;
    expect(error.message.split('\n').map((line) => line.replace(`${dir}${path.sep}`, ''))).toEqual([
      'journey.yaml:2:35: steps[0].path: "x" must start with "/" (a path relative to the profile\'s target)',
      'journey.yaml:3:38: steps[1].speed: unknown key "speed"',
    ]);
  });

  it('says a missing file is missing', async () => {
    await expect(loadJourney(path.join(dir, 'nope.yaml'))).rejects.toThrow(/nope\.yaml: journey file not found/);
  });

  it('reports malformed YAML at its place', async () => {
    await expect(loadJourney(await journeyFile('steps:\n  - name: a\n   method: GET\n'))).rejects.toThrow(/journey\.yaml:\d+:\d+: malformed YAML/);
  });
});
