import type { Finding, SuppressionNote } from './report.js';

export interface SuppressionEntry {
  rule: string;
  subject?: string;
  reason: string;
  until?: string;
}

const SUPPRESSIBLE = new Set(['fail', 'warn']);

const matches = (entry: SuppressionEntry, finding: Finding): boolean =>
  entry.rule === finding.rule && (entry.subject === undefined || entry.subject === finding.subject);

/**
 * Turns accepted failures into skips that keep their reason, and says which entries expired or
 * matched nothing, so the list of exceptions only shrinks.
 */
export const applySuppressions = (
  findings: Finding[],
  entries: readonly SuppressionEntry[],
  today: string,
): { findings: Finding[]; notes: SuppressionNote[] } => {
  const used = new Set<SuppressionEntry>();
  const active = entries.filter((entry) => entry.until === undefined || entry.until >= today);
  const result = findings.map((finding) => {
    if (!SUPPRESSIBLE.has(finding.status)) return finding;
    const entry = active.find((candidate) => matches(candidate, finding));
    if (!entry) return finding;
    used.add(entry);
    const suppressed = entry.until === undefined ? { reason: entry.reason } : { reason: entry.reason, until: entry.until };
    return { ...finding, status: 'skip' as const, suppressed };
  });
  const notes = entries.map((entry): SuppressionNote => {
    const state = !active.includes(entry) ? 'expired' : used.has(entry) ? 'active' : 'unused';
    return { ...entry, state };
  });
  return { findings: result, notes };
};
