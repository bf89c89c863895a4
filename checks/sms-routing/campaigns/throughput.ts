import type { Throughput } from '../config.js';

export interface SenderRate {
  /** Segments a second the sender can push. */
  mps: number;
  /** T-Mobile's daily cap per brand for 10DLC; undefined where none applies. */
  dailyCap?: number;
  basis: string;
}

// AT&T 10DLC segments per minute by vetting score; T-Mobile messages per day by vetting score.
const ATT_TPM = [
  { min: 75, tpm: 4_500 },
  { min: 50, tpm: 2_400 },
  { min: 1, tpm: 240 },
];
const TMOBILE_DAILY = [
  { min: 75, cap: 200_000 },
  { min: 50, cap: 40_000 },
  { min: 25, cap: 10_000 },
  { min: 1, cap: 2_000 },
];

/** The rate a sender can sustain: short code 100 MPS, toll-free 3 MPS, 10DLC by vetting score; `mps` overrides. */
export const senderRate = (throughput: Throughput): SenderRate => {
  switch (throughput.kind) {
    case 'short-code':
      return { mps: throughput.mps ?? 100, basis: throughput.mps ? 'profile mps' : 'short code, 100 MPS' };
    case 'toll-free':
      return { mps: throughput.mps ?? 3, basis: throughput.mps ? 'profile mps' : 'toll-free, 3 MPS' };
    case '10dlc': {
      const tpm = ATT_TPM.find((tier) => throughput.vettingScore >= tier.min)!.tpm;
      const dailyCap = TMOBILE_DAILY.find((tier) => throughput.vettingScore >= tier.min)!.cap;
      return { mps: throughput.mps ?? tpm / 60, dailyCap, basis: throughput.mps ? 'profile mps' : `10DLC vetting score ${throughput.vettingScore}: AT&T ${tpm} segments/min` };
    }
  }
};
