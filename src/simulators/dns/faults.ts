import { normalizeName } from '../../dns/names.js';

/**
 * What a rule makes the simulator do instead of answering normally:
 * - servfail / refused / nxdomain: answer with that rcode;
 * - drop: never answer;
 * - truncate: over UDP, always answer with TC set and no records (TCP is unaffected);
 * - wrongId: first send the answer under another id, then (unless `alsoAnswer` is false) the real one.
 */
export type FaultKind = 'servfail' | 'refused' | 'nxdomain' | 'drop' | 'truncate' | 'wrongId';

export interface FaultRule {
  /** The exact name, case-insensitive, with or without the trailing dot. */
  name: string;
  /** Only this type; every type when absent. */
  type?: string;
  fault: FaultKind;
  /** wrongId only: follow the forged answer with the real one. Default true. */
  alsoAnswer?: boolean;
}

export interface FaultOptions {
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  rules?: FaultRule[];
}

/** The first rule for this question, if any. */
export function findFault(rules: readonly FaultRule[], name: string, type: string): FaultRule | undefined {
  const asked = normalizeName(name);
  return rules.find((rule) => normalizeName(rule.name) === asked && (rule.type === undefined || rule.type.toUpperCase() === type));
}
