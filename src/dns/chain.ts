import type { Step } from './interpret.js';
import type { DnsResponse, RecordType } from './types.js';

/** RFC 1034 leaves the limit to implementations; 8 is what common stub resolvers allow. */
export const MAX_CNAME_HOPS = 8;

/**
 * Answers (name, type) from one or more steps: when a response leaves a CNAME target unresolved, the target
 * is asked next, until an answer, a dead end, a loop or too many hops.
 */
export async function followChain(name: string, type: RecordType, ask: (name: string) => Promise<Step>): Promise<DnsResponse> {
  const cnames: string[] = [];
  let current = name;
  for (;;) {
    const step = await ask(current);
    for (const target of step.response.cnames) {
      if (target === name || cnames.includes(target)) {
        return broken(name, type, cnames, `CNAME loop: ${[name, ...cnames, target].join(' → ')}`);
      }
      cnames.push(target);
    }
    if (cnames.length > MAX_CNAME_HOPS) {
      return broken(name, type, cnames, `CNAME chain longer than ${MAX_CNAME_HOPS} hops`);
    }
    if (step.next === undefined) return { ...step.response, name, cnames };
    current = step.next;
  }
}

function broken(name: string, type: RecordType, cnames: string[], error: string): DnsResponse {
  return { name, type, outcome: 'error', records: [], cnames, error };
}
