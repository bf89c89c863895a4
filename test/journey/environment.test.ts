import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { journeyYaml } from '../../src/journey/har/write-journey.js';
import { JourneyProblems, loadJourney } from '../../src/journey/load.js';

const JOURNEY = `steps:
  - name: view cart
    method: GET
    path: /cart.js
    headers: {x-staging-token: "\${STAGING_TOKEN}", x-region: "\${STAGING_REGION}"}
    body: {text: "price $12 and $$ kept"}
`;

describe('journey files read ${NAME} from the environment, as profiles do', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'q4check-journey-env-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('fills the values, registers one whose name says secret, and keeps other dollars', async () => {
    const file = path.join(dir, 'env.yaml');
    await writeFile(file, JOURNEY);
    const secrets: string[] = [];
    const journey = await loadJourney(file, 'native', { env: { STAGING_TOKEN: 't0k3n-value', STAGING_REGION: 'eu' }, addSecret: (value) => secrets.push(value) });
    expect(journey.steps[0]!.headers).toEqual({ 'x-staging-token': 't0k3n-value', 'x-region': 'eu' });
    expect(journey.steps[0]!.body).toEqual({ text: 'price $12 and $ kept' });
    expect(secrets).toEqual(['t0k3n-value']);
  });

  it('names each variable that is not set, with its line and field', async () => {
    const file = path.join(dir, 'unset.yaml');
    await writeFile(file, JOURNEY);
    const error = await loadJourney(file, 'native', { env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(JourneyProblems);
    expect((error as Error).message).toMatch(/unset\.yaml:5:\d+: steps\[0\]\.headers\.x-staging-token: environment variable STAGING_TOKEN is not set/);
    expect((error as Error).message).toMatch(/environment variable STAGING_REGION is not set/);
  });

  it('an imported journey keeps a recorded ${ and $$ as they were, not as references', async () => {
    const yaml = journeyYaml({ name: 'recorded', checkoutFrom: 1, steps: [{ name: 'note', method: 'POST', path: '/cart/update.js', body: { json: { note: 'deal ${CODE} costs $$5' } } }] }, 'r.har');
    const file = path.join(dir, 'imported.yaml');
    await writeFile(file, yaml);
    const journey = await loadJourney(file, 'recorded', { env: {} });
    expect(journey.steps[0]!.body).toEqual({ json: { note: 'deal ${CODE} costs $$5' } });
  });
});
