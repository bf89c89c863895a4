import { ask, isDnsError, recordValues } from './dns.js';
import { stripTrailingDot } from './domain.js';
import { parseAddressOf, reverseName } from './ip.js';
import { SPF_LIMITS } from './limits.js';
import type { EvalState, ValidatedNames } from './state.js';

const lookUpValidatedNames = async (state: EvalState): Promise<ValidatedNames> => {
  const reverse = await ask(state.lookup, reverseName(state.ip), 'PTR', state.signal);
  // §4.6.4: only the first 10 PTR names are checked; the rest are ignored, not an error.
  const candidates = recordValues(reverse).map(stripTrailingDot).slice(0, SPF_LIMITS.ptrNames);
  const type = state.ip.family === 4 ? 'A' : 'AAAA';
  const names: string[] = [];
  for (const name of candidates) {
    const forward = await ask(state.lookup, name, type, state.signal);
    // §5.5: a DNS error on a name skips that name; the search goes on.
    if (isDnsError(forward.outcome)) {
      state.problems.push(`PTR name ${name}: ${type} lookup ended in ${forward.outcome}; name skipped`);
      continue;
    }
    const matches = recordValues(forward).some((value) => {
      const address = parseAddressOf(state.ip.family, value);
      return address !== undefined && address.every((byte, index) => byte === state.ip.bytes[index]);
    });
    if (matches) names.push(name);
  }
  return { outcome: reverse.outcome, names };
};

/** The client's validated domain names (RFC 7208 §5.5), shared by every ptr and %{p} of one check. */
export const validatedNames = (state: EvalState): Promise<ValidatedNames> => {
  state.validatedNames ??= lookUpValidatedNames(state);
  return state.validatedNames;
};
