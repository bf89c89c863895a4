import { describe, expect, it } from 'vitest';
import { KEYWORD_CORPUS } from '../../../../checks/sms-routing/keywords/corpus.js';
import type { KeywordEntry } from '../../../../checks/sms-routing/keywords/entry.js';
import { variantsOf } from '../../../../checks/sms-routing/keywords/variants.js';

const entry = (text: string): KeywordEntry => {
  const found = KEYWORD_CORPUS.find((candidate) => candidate.text === text);
  if (!found) throw new Error(`${text} is not in the corpus`);
  return found;
};

describe('variantsOf', () => {
  it('probes a keyword in every case, with spaces, a newline and trailing punctuation (research §1.6)', () => {
    expect(variantsOf(entry('STOP'))).toEqual(['STOP', 'stop', 'Stop', ' STOP ', 'STOP\n', 'STOP.', 'STOP!', ' stop! ']);
  });

  it('title-cases each word of a multi-word keyword, hyphenated ones too', () => {
    expect(variantsOf(entry('STOP ALL'))).toContain('Stop All');
    expect(variantsOf(entry('OPT-OUT'))).toContain('Opt-Out');
  });

  it('probes a phrase as written, in lower and upper case and with a full stop', () => {
    expect(variantsOf(entry('Stop texting me'))).toEqual(['Stop texting me', 'stop texting me', 'STOP TEXTING ME', 'Stop texting me.']);
    expect(variantsOf(entry('please stop'))).toEqual(['please stop', 'PLEASE STOP', 'please stop.']);
  });

  it('sends typos, emoji, other languages and Unicode forms exactly as written', () => {
    for (const text of ['stpo', '🛑', 'ARRÊT', 'no más', 'ＳＴＯＰ', 'STOP\u200B', 'AIDE']) expect(variantsOf(entry(text))).toEqual([text]);
  });

  it('never repeats a text, and always starts with the entry itself', () => {
    for (const candidate of KEYWORD_CORPUS) {
      const variants = variantsOf(candidate);
      expect(variants[0]).toBe(candidate.text);
      expect(new Set(variants).size).toBe(variants.length);
    }
  });
});
