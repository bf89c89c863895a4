import { describe, expect, it } from 'vitest';
import { entriesFor, KEYWORD_CORPUS } from '../../../../checks/sms-routing/keywords/corpus.js';
import { gradeFor, type KeywordEntry } from '../../../../checks/sms-routing/keywords/entry.js';

const find = (text: string): KeywordEntry => {
  const entry = KEYWORD_CORPUS.find((candidate) => candidate.text === text);
  if (!entry) throw new Error(`${text} is not in the corpus`);
  return entry;
};

const texts = (entries: readonly KeywordEntry[]): string[] => entries.map((entry) => entry.text);

describe('the keyword corpus', () => {
  it('makes the FCC per-se words and Twilio\'s whole default opt-out set must-opt-out keywords', () => {
    for (const word of ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT OUT']) {
      expect(find(word)).toMatchObject({ intent: 'opt-out', kind: 'keyword', grade: 'must' });
    }
  });

  it('makes the obvious phrases must-opt-out', () => {
    for (const phrase of ['Stop texting me', 'please stop', 'unsubscribe me', 'remove me', 'take me off your list', 'wrong number']) {
      expect(find(phrase)).toMatchObject({ intent: 'opt-out', kind: 'phrase', grade: 'must' });
    }
  });

  it('grades typos, emoji, other languages and Unicode forms should, only those the research lists', () => {
    const lenient = entriesFor('opt-out').filter((entry) => entry.grade === 'should');
    expect(texts(lenient)).toEqual(['STPO', 'stpo', '🛑', 'ARRET', 'ARRÊT', 'arrête', 'PARAR', 'ALTO', 'BAJA', 'CANCELAR', 'DETENER', 'NO MAS', 'no más', 'ＳＴＯＰ', 'STOP\u200B']);
    expect(lenient.every((entry) => entry.kind !== 'keyword' && entry.kind !== 'phrase')).toBe(true);
  });

  it('makes ARRET and AIDE must on a Canadian number, French', () => {
    expect(gradeFor(find('ARRET'), false)).toBe('should');
    expect(gradeFor(find('ARRET'), true)).toBe('must');
    expect(gradeFor(find('AIDE'), true)).toBe('must');
    expect(find('AIDE')).toMatchObject({ intent: 'help', language: 'fr' });
    expect(gradeFor(find('STOP'), true)).toBe('must');
    expect(gradeFor(find('BAJA'), true)).toBe('should');
  });

  it('has Twilio\'s help and opt-in keywords as must, and the research\'s extras as should', () => {
    expect(entriesFor('help').map((entry) => [entry.text, entry.grade])).toEqual([['HELP', 'must'], ['INFO', 'must'], ['AIDE', 'should'], ['AYUDA', 'should']]);
    expect(entriesFor('opt-in').map((entry) => [entry.text, entry.grade])).toEqual([['START', 'must'], ['YES', 'must'], ['UNSTOP', 'must'], ['SUBSCRIBE', 'should']]);
  });

  it('gives every entry a source and lists each text once', () => {
    expect(KEYWORD_CORPUS.every((entry) => entry.sources.length > 0)).toBe(true);
    expect(new Set(texts(KEYWORD_CORPUS)).size).toBe(KEYWORD_CORPUS.length);
  });
});
