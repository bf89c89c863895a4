export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FAIL_ON_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

const RANK: Record<Severity, number> = { critical: 5, high: 4, medium: 3, low: 2, info: 1 };

export const severityRank = (severity: Severity): number => RANK[severity];

export const isAtOrAbove = (severity: Severity, threshold: Severity): boolean =>
  RANK[severity] >= RANK[threshold];
