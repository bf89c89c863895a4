import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import { KEYWORD_OUTCOMES } from '../../../../checks/sms-routing/evaluate/keyword-matrix.js';
import type { Matrix } from '../../../../src/engine/define-check.js';
import { evaluateContext, setupConfig } from '../gather/simulated.js';
import { CASES } from './cases.js';
import { readArtifact } from './recording.js';

const KEYWORD_RULES = new Set(['opt-out-keywords', 'opt-in-keywords', 'help-content', 'opt-out-confirmation']);

/** The recording judged as recorded: each keyword verdict's matrix rows, keyed by rule and row label. */
const rowsOf = (name: string): Map<string, Matrix['rows'][number]> => {
  const recorded = CASES.find((candidate) => candidate.name === name)!;
  const artifact = readArtifact(name);
  const verdicts = evaluate(artifact, setupConfig(recorded.setup, artifact.webhook), evaluateContext);
  const rows = new Map<string, Matrix['rows'][number]>();
  for (const verdict of verdicts) for (const row of verdict.matrix?.rows ?? []) rows.set(`${verdict.rule} · ${row.label}`, row);
  return rows;
};

/** The columns a row fills, by name: "honoured", "ignored"… */
const filled = (row: Matrix['rows'][number] | undefined): Record<string, string> =>
  Object.fromEntries((row?.cells ?? []).flatMap((cell, index) => (cell ? [[KEYWORD_OUTCOMES[index]!, `${cell.tone}: ${cell.text}`]] : [])));

describe('the keyword matrix each keyword verdict carries', () => {
  it('every keyword verdict but a skip has one row, with one cell per outcome column', () => {
    const recorded = CASES.find((candidate) => candidate.name === 'compliant')!;
    const artifact = readArtifact('compliant');
    const verdicts = evaluate(artifact, setupConfig(recorded.setup, artifact.webhook), evaluateContext);
    const keywordVerdicts = verdicts.filter((verdict) => KEYWORD_RULES.has(verdict.rule));
    expect(keywordVerdicts.length).toBeGreaterThan(20);
    for (const verdict of keywordVerdicts) {
      expect(verdict.matrix?.columns).toEqual([...KEYWORD_OUTCOMES]);
      expect(verdict.matrix?.rows).toHaveLength(1);
      expect(verdict.matrix!.rows[0]!.cells).toHaveLength(KEYWORD_OUTCOMES.length);
    }
    expect(verdicts.filter((verdict) => !KEYWORD_RULES.has(verdict.rule) && verdict.matrix)).toEqual([]);
  });

  it('a compliant webhook honours every variant: one "all N" cell per corpus entry', () => {
    const rows = rowsOf('compliant');
    expect(filled(rows.get('opt-out-keywords · STOP'))).toEqual({ honoured: 'pass: all 8' });
    expect(filled(rows.get('opt-in-keywords · START'))).toEqual({ honoured: 'pass: ✓' });
    expect(filled(rows.get('help-content · HELP after STOP'))).toEqual({ honoured: 'pass: ✓' });
    expect(filled(rows.get('opt-out-confirmation · STOP, again, replayed'))).toEqual({ honoured: 'pass: ✓' });
  });

  it('a case-sensitive STOP splits an entry: the exact spelling honoured, the others ignored, named', () => {
    const stop = filled(rowsOf('case-sensitive-stop').get('opt-out-keywords · STOP'));
    expect(stop.honoured).toBe('pass: "STOP"');
    expect(stop.ignored).toMatch(/^fail: "stop" "Stop" /);
    // A should entry not honoured only warns, and its cells say so.
    expect(filled(rowsOf('case-sensitive-stop').get('opt-out-keywords · STPO')).ignored).toMatch(/^warn: /);
  });

  it('silence is ignored, an answer that is not the confirmation a wrong reply, no answer could not check', () => {
    expect(filled(rowsOf('ignore-start').get('opt-in-keywords · START'))).toEqual({ ignored: 'fail: ✗' });
    expect(filled(rowsOf('html-replies').get('opt-out-keywords · STOP'))).toEqual({ 'wrong reply': 'fail: all 8' });
    expect(filled(rowsOf('double-confirmation').get('opt-out-confirmation · STOP, again, replayed'))).toEqual({ 'wrong reply': 'fail: ✗' });
    expect(filled(rowsOf('down').get('help-content · HELP'))).toEqual({ 'could not check': 'error: ?' });
  });

  it('a HELP left to the provider with no reply to judge has no row', () => {
    expect(rowsOf('provider').has('help-content · HELP')).toBe(false);
  });
});
