/** Figures as a reader sees them in messages: grouped thousands, short factors and percentages. */

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const count = (n: number): string => grouped.format(n);

export const perDay = (n: number): string => `${count(n)}/day`;

/** Two decimals at most, so 2.5 reads "2.5×" and 1.0909 reads "1.09×". */
export const factor = (x: number): string => `${Number(x.toFixed(2))}×`;

export const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

export const plural = (n: number, word: string, words = `${word}s`): string => `${count(n)} ${n === 1 ? word : words}`;
