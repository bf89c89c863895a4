import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { checkMailFrom } from '../../../../checks/email-auth/spf/index.js';
import { memoryLookup } from './memory-lookup.js';
import { type SuiteZoneEntry, zoneFromSuite } from './suite-zone.js';

interface SuiteCase {
  host: string;
  mailfrom: string;
  helo: string;
  result: string | string[];
  explanation?: string;
}

interface Scenario {
  description: string;
  tests: Record<string, SuiteCase>;
  zonedata: Record<string, SuiteZoneEntry[]>;
}

const SUITE = new URL('../../../../fixtures/conformance/spf/rfc7208-tests.yml', import.meta.url);
const EXPECTED_CASES = 203;

const loadScenarios = (): Scenario[] => {
  const documents = parseAllDocuments(readFileSync(SUITE, 'utf8'));
  if (!Array.isArray(documents)) throw new Error('the suite file holds no YAML documents');
  return documents.map((document) => {
    if (document.errors.length > 0) throw new Error(`YAML error in the suite: ${document.errors[0]?.message}`);
    return document.toJS() as Scenario;
  });
};

const scenarios = loadScenarios();
const total = scenarios.reduce((sum, scenario) => sum + Object.keys(scenario.tests).length, 0);
let passed = 0;

// A fixed clock and receiver keep %{t} and %{r} reproducible; the driver's default explanation is "DEFAULT".
const OPTIONS = { now: new Date('2026-11-20T00:00:00Z'), receiver: 'q4check.invalid', defaultExplanation: 'DEFAULT' };

afterAll(() => {
  console.log(`RFC 7208 suite: ${passed}/${total} cases pass`);
});

describe('RFC 7208 conformance suite (OpenSPF, via pyspf)', () => {
  it(`has ${EXPECTED_CASES} cases in 16 scenarios`, () => {
    expect(scenarios).toHaveLength(16);
    expect(total).toBe(EXPECTED_CASES);
  });

  for (const scenario of scenarios) {
    describe(scenario.description, () => {
      const lookup = memoryLookup(zoneFromSuite(scenario.zonedata));
      it.each(Object.entries(scenario.tests))('%s', async (_name, test) => {
        const outcome = await checkMailFrom(lookup, { ip: String(test.host), mailFrom: String(test.mailfrom), helo: String(test.helo) }, OPTIONS);
        const accepted = Array.isArray(test.result) ? test.result : [test.result];
        expect(accepted, outcome.problems.join('\n')).toContain(outcome.result);
        if (test.explanation !== undefined) expect(outcome.explanation).toBe(test.explanation);
        passed += 1;
      });
    });
  }
});
