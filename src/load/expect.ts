import type { Expect } from '../journey/types.js';
import type { Answer } from './answer.js';

const sameValue = (found: unknown, wanted: unknown): boolean =>
  found === wanted || (typeof wanted === 'object' && wanted !== null && JSON.stringify(found) === JSON.stringify(wanted));

/** Why the answer is not what the step expects, or undefined when it is. */
export const unmetExpectation = (expect: Expect | undefined, answer: Answer): string | undefined => {
  if (!expect) return undefined;
  if (expect.status !== undefined) {
    const allowed = Array.isArray(expect.status) ? expect.status : [expect.status];
    if (!allowed.includes(answer.status)) return `status ${answer.status}, expected ${allowed.join(' or ')}`;
  }
  for (const [path, wanted] of Object.entries(expect.json ?? {})) {
    if (!sameValue(answer.at(path), wanted)) return `${path} is not ${JSON.stringify(wanted)}`;
  }
  return undefined;
};
