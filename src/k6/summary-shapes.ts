import { z } from 'zod';

/**
 * The two JSON shapes k6 writes its end-of-test summary in, read into one. `handleSummary(data)` gets
 * (and `JSON.stringify(data)` writes) metrics as `{type, contains, values, thresholds: {expr: {ok}}}`;
 * `--summary-export` flattens each metric to its values, writes thresholds as `{expr: failed}` (true
 * when the threshold failed), a rate's `rate` as `value`, and drops `options` and `state` (k6's
 * internal/js/summary-wrapper.js, oldJSONSummary).
 */
export type SummaryFormat = 'handle-summary' | 'summary-export';

export interface SummaryMetric {
  values: Record<string, number>;
  thresholds: { expression: string; ok: boolean }[];
}

export interface NormalSummary {
  format: SummaryFormat;
  metrics: Map<string, SummaryMetric>;
  checks: { name: string; passes: number; fails: number }[];
  /** Only handleSummary data carries it. */
  testRunDurationMs?: number;
  summaryTrendStats?: string[];
}

const check = z.object({ name: z.string(), passes: z.number(), fails: z.number() });
interface Group {
  checks: z.infer<typeof check>[];
  groups: Group[];
}
const group: z.ZodType<Group> = z.lazy(() =>
  z.object({
    // handleSummary writes arrays; --summary-export objects keyed by name.
    checks: z.union([z.array(check), z.record(z.string(), check).transform((byName) => Object.values(byName))]).default([]),
    groups: z.union([z.array(group), z.record(z.string(), group).transform((byName) => Object.values(byName))]).default([]),
  }),
);

const handleSummary = z.object({
  metrics: z.record(
    z.string(),
    z.object({
      type: z.enum(['counter', 'gauge', 'rate', 'trend']),
      contains: z.string(),
      values: z.record(z.string(), z.number()),
      thresholds: z.record(z.string(), z.object({ ok: z.boolean() })).optional(),
    }),
  ),
  root_group: group,
  options: z.object({ summaryTrendStats: z.array(z.string()).optional() }).optional(),
  state: z.object({ testRunDurationMs: z.number() }).optional(),
});

const summaryExport = z.object({
  metrics: z.record(z.string(), z.record(z.string(), z.union([z.number(), z.record(z.string(), z.boolean())]))),
  root_group: group,
});

const allChecks = (root: Group): NormalSummary['checks'] => [...root.checks, ...root.groups.flatMap(allChecks)];

const fromHandleSummary = (data: z.infer<typeof handleSummary>): NormalSummary => ({
  format: 'handle-summary',
  metrics: new Map(
    Object.entries(data.metrics).map(([name, metric]) => [
      name,
      { values: metric.values, thresholds: Object.entries(metric.thresholds ?? {}).map(([expression, { ok }]) => ({ expression, ok })) },
    ]),
  ),
  checks: allChecks(data.root_group),
  ...(data.state ? { testRunDurationMs: data.state.testRunDurationMs } : {}),
  ...(data.options?.summaryTrendStats ? { summaryTrendStats: data.options.summaryTrendStats } : {}),
});

const fromSummaryExport = (data: z.infer<typeof summaryExport>): NormalSummary => ({
  format: 'summary-export',
  metrics: new Map(
    Object.entries(data.metrics).map(([name, flat]) => {
      const values: Record<string, number> = {};
      let thresholds: SummaryMetric['thresholds'] = [];
      for (const [key, value] of Object.entries(flat)) {
        if (typeof value === 'number') values[key] = value;
        else if (key === 'thresholds') thresholds = Object.entries(value).map(([expression, failed]) => ({ expression, ok: !failed }));
      }
      // A rate metric (passes, fails) had its `rate` renamed `value`.
      if ('passes' in values && 'value' in values && !('rate' in values)) values.rate = values.value!;
      return [name, { values, thresholds }];
    }),
  ),
  checks: allChecks(data.root_group),
});

/** Which shape `data` is, read into one; undefined when it is neither. */
export const normaliseSummary = (data: unknown): NormalSummary | undefined => {
  const asHandle = handleSummary.safeParse(data);
  if (asHandle.success) return fromHandleSummary(asHandle.data);
  const asExport = summaryExport.safeParse(data);
  return asExport.success ? fromSummaryExport(asExport.data) : undefined;
};
