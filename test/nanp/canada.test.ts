import { describe, expect, it } from 'vitest';
import { isCanadian } from '../../src/nanp/canada.js';
import { CANADIAN_NPAS } from '../../src/nanp/canadian-npas.js';

describe('isCanadian', () => {
  it.each(['+14165550123', '+15145550123', '+16045550123', '+18675550123', '+17095550123', '+13065550123', '+19025550123'])('%s is Canadian', (number) => {
    expect(isCanadian(number)).toBe(true);
  });

  it.each([
    ['a US number', '+14155550123'],
    ['a US toll-free number', '+18005550123'],
    ['a UK number', '+447700900123'],
    ['a Canadian area code without the +1', '4165550123'],
    ['too short', '+1416555012'],
    ['too long', '+141655501234'],
    ['an exchange starting with 1', '+14161550123'],
    ['spaces', '+1 416 555 0123'],
    ['empty', ''],
  ])('%s is not', (_, number) => {
    expect(isCanadian(number)).toBe(false);
  });

  it('knows every province and territory, as three-digit NANP area codes', () => {
    for (const npa of ['403', '604', '204', '506', '709', '902', '416', '514', '306', '867']) expect(CANADIAN_NPAS.has(npa)).toBe(true);
    expect([...CANADIAN_NPAS].every((npa) => /^[2-9]\d{2}$/.test(npa))).toBe(true);
  });
});
