import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/cli/catalogue.js';
import { renderCatalogue } from '../../src/cli/catalogue-text.js';
import { CLI_TEST_TIMEOUT_MS, runCli } from '../helpers/cli.js';

const ruleIds = catalogue().flatMap((check) => check.rules.map((rule) => rule.id));
const LONGEST_ID = Math.max(...ruleIds.map((id) => id.length));
const lines = (text: string) => text.split('\n');
const isTable = (text: string) => text.includes('│');
/** The id as a whole cell or a whole list line: not merely a prefix of a longer cut text. */
const showsWhole = (text: string, id: string) => new RegExp(`(│ |^  )${id.replace(/[/-]/g, '\\$&')}( |$)`, 'm').test(text);

describe('q4check checks as text', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it.each([200, 160, 120])('a %i-column terminal gets a table with every rule id whole, within the width', (width) => {
    const text = renderCatalogue(catalogue(), { width, terminal: true });
    expect(isTable(text)).toBe(true);
    expect(ruleIds.filter((id) => !showsWhole(text, id))).toEqual([]);
    expect(Math.max(...lines(text).map((line) => line.length))).toBeLessThanOrEqual(width);
  });

  it.each([100, 80, 40])('a %i-column terminal gets a list with every rule id whole', (width) => {
    const text = renderCatalogue(catalogue(), { width, terminal: true });
    expect(isTable(text)).toBe(false);
    expect(ruleIds.filter((id) => !showsWhole(text, id))).toEqual([]);
    // Only a line carrying a rule id (never broken) may pass the width.
    const tooLong = lines(text).filter((line) => line.length > Math.max(width, LONGEST_ID + 2 + ' (critical)'.length));
    expect(tooLong).toEqual([]);
  });

  it('the narrowest table still fits its ids; one column fewer gets the list', () => {
    const widths = Array.from({ length: 200 }, (_, index) => index + 20);
    const narrowest = widths.find((width) => isTable(renderCatalogue(catalogue(), { width, terminal: true })))!;
    expect(narrowest).toBeGreaterThan(LONGEST_ID);
    expect(isTable(renderCatalogue(catalogue(), { width: narrowest - 1, terminal: true }))).toBe(false);
    expect(ruleIds.filter((id) => !showsWhole(renderCatalogue(catalogue(), { width: narrowest, terminal: true }), id))).toEqual([]);
  });

  it('a pipe gets the list however wide, so grep finds each id on its own line', async () => {
    expect(isTable(renderCatalogue(catalogue(), { width: 300, terminal: false }))).toBe(false);
    const result = await runCli(['checks']);
    expect(result.status).toBe(0);
    expect(isTable(result.stdout)).toBe(false);
    expect(ruleIds.filter((id) => !lines(result.stdout).some((line) => line.startsWith(`  ${id} (`)))).toEqual([]);
  });
});
