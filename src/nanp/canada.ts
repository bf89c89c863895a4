import { CANADIAN_NPAS } from './canadian-npas.js';

const NANP = /^\+1([2-9]\d{2})[2-9]\d{6}$/;

/**
 * True for an E.164 number (`+1` and ten digits) whose area code is Canadian: CWTA rules then
 * apply (ARRET and AIDE mandatory, answered in French; research §1.6, S30).
 */
export const isCanadian = (e164: string): boolean => {
  const npa = NANP.exec(e164)?.[1];
  return npa !== undefined && CANADIAN_NPAS.has(npa);
};
