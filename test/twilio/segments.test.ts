import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/twilio/segments.js';

describe('countSegments: GSM-7', () => {
  it.each([
    ['', 0, 1],
    ['STOP', 4, 1],
    ['a'.repeat(160), 160, 1],
    ['a'.repeat(161), 161, 2],
    ['a'.repeat(306), 306, 2],
    ['a'.repeat(307), 307, 3],
  ])('%j: %i septets, %i segment(s)', (text, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding: 'GSM-7', units, segments });
  });

  it('accented letters of the GSM alphabet stay GSM-7 (é è à ù ì ò Ñ ü Ç ß Å Ø Æ)', () => {
    expect(countSegments('Café crème à où, così però, Ñoño, Müller, Ça, Straße, Åse, Øl, Æble')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });

  it('but not every accented letter: ë, ú, ê and ç are outside it', () => {
    for (const text of ['Noël', 'Ñandú', 'ARRÊT', 'façade']) expect(countSegments(text).encoding).toBe('UCS-2');
  });

  it('extension characters (€ [ ] { } ~ ^ | \\ and form feed) take two septets', () => {
    expect(countSegments('€5')).toEqual({ encoding: 'GSM-7', units: 3, segments: 1 });
    expect(countSegments('[]{}~^|\\\f')).toEqual({ encoding: 'GSM-7', units: 18, segments: 1 });
    expect(countSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('€'.repeat(81))).toEqual({ encoding: 'GSM-7', units: 162, segments: 2 });
  });

  it('never splits an extension character between two parts', () => {
    // 152 + 2 septets would straddle the 153-septet boundary, so € starts the second part.
    expect(countSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', units: 306, segments: 3 });
  });
});

describe('countSegments: UCS-2', () => {
  it.each([
    ['one emoji', '🛑', 2, 1],
    ['an accented letter outside GSM-7 (ê)', 'ARRÊT', 5, 1],
    ['a curly apostrophe', 'don’t text me', 13, 1],
    ['70 units', 'ê'.repeat(70), 70, 1],
    ['71 units', 'ê'.repeat(71), 71, 2],
    ['134 units', 'ê'.repeat(134), 134, 2],
    ['135 units', 'ê'.repeat(135), 135, 3],
    ['35 emoji', '🛑'.repeat(35), 70, 1],
    ['36 emoji', '🛑'.repeat(36), 72, 2],
  ])('%s', (_, text, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding: 'UCS-2', units, segments });
  });

  it('one character outside GSM-7 turns the whole text to UCS-2', () => {
    expect(countSegments(`${'a'.repeat(100)}🛑`)).toEqual({ encoding: 'UCS-2', units: 102, segments: 2 });
  });

  it('never splits a surrogate pair between two parts', () => {
    expect(countSegments(`${'ê'.repeat(66)}🛑${'ê'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', units: 134, segments: 3 });
  });
});
