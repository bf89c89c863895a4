/** Numbers as the report writes them: 1,240 and 2,340 ms. */
export const count = (value: number): string => Math.round(value).toLocaleString('en-US');
export const ms = (value: number): string => `${count(value)} ms`;
export const percent = (share: number): string => `${Number((share * 100).toFixed(share < 0.01 ? 2 : 1))}%`;
