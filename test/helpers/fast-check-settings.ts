import type { Parameters } from 'fast-check';

/** The seed every property runs with in CI, so a red build replays the same cases on any machine. */
export const CI_SEED = 20261127;

/** In CI a fixed seed (FC_SEED overrides it, to replay another); elsewhere fast-check's random one, to keep exploring. */
export const fastCheckSettings = (env: Readonly<Record<string, string | undefined>>): Parameters<unknown> => {
  if (!env.CI) return {};
  const seed = Number(env.FC_SEED ?? CI_SEED);
  return { seed: Number.isInteger(seed) ? seed : CI_SEED };
};
