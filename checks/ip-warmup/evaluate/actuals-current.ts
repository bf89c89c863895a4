import { daysBetween } from '../../../src/lib/dates.js';
import { actualsView } from '../actuals.js';
import { plural } from '../format.js';
import { withoutSends } from '../judge-actuals.js';
import type { RuleEvaluator } from '../types.js';

/**
 * How far the actuals reach. Days after the file's last date are unknown, not days without sends: the other
 * actuals rules judge up to that date, and this one says how old it is.
 */
export const actualsCurrent: RuleEvaluator<'actuals-current'> = (artifact, config, ctx) => {
  const view = actualsView(artifact, ctx.today);
  const rule = 'actuals-current';
  if (view.kind !== 'sends') return [withoutSends(rule, view)];
  const { recentDays } = config.thresholds;
  const expected = `actuals up to ${plural(recentDays, 'day')} before today`;
  if (view.lastDate === undefined) {
    return [{
      rule,
      status: 'warn',
      subject: view.file,
      message: `${view.file} has no row dated up to today (${ctx.today}), so no actual send can be judged.`,
      expected,
      found: 'no rows up to today',
      evidence: { file: view.file, lastDate: null, daysBeforeToday: null },
    }];
  }
  const daysBefore = daysBetween(view.lastDate, ctx.today);
  const status = daysBefore > recentDays ? 'warn' : 'pass';
  const when = daysBefore === 0 ? 'today' : `${plural(daysBefore, 'day')} before today (${ctx.today})`;
  return [{
    rule,
    status,
    subject: view.file,
    message: `The actuals end on ${view.lastDate}, ${when}${status === 'warn' ? '; the sends are judged up to that date, and what came after is not known' : ''}.`,
    expected,
    found: `actuals end on ${view.lastDate}, ${plural(daysBefore, 'day')} before today`,
    evidence: { file: view.file, lastDate: view.lastDate, daysBeforeToday: daysBefore },
  }];
};
