/** Why a run stopped before its end: the check's time limit, or Ctrl-C. */
export type CutOff = 'timeout' | 'interrupted';

/** Tells the two apart by the signal's reason: the time limit aborts with a TimeoutError. */
export const cutOffBy = (signal: AbortSignal): CutOff => ((signal.reason as Error | undefined)?.name === 'TimeoutError' ? 'timeout' : 'interrupted');
