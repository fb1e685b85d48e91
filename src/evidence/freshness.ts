/**
 * How long evidence stays fresh: one period of the control's frequency plus a grace period for
 * collecting and filing it. Conventions of ours, documented in the README; not AICPA rules. Pure.
 */
import type { Frequency } from '../catalog/types.js';
import { addDays, addMonths } from '../engagement/dates.js';

/** Days allowed beyond the period to collect and file the evidence of an occurrence. */
export const GRACE_DAYS = 14;

/** A period as calendar months or days. */
type Period = { months: number } | { days: number };

/**
 * Continuous (automated) controls: their configuration evidence is re-captured every quarter.
 * A control with no frequency is evidenced at least once a year. Event-driven controls have no
 * schedule, so their evidence never goes stale by date.
 */
const PERIOD: Record<Frequency | 'none', Period | undefined> = {
  daily: { days: 1 },
  weekly: { days: 7 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  annually: { months: 12 },
  continuous: { months: 3 },
  none: { months: 12 },
  'on-event': undefined,
};

export const PERIOD_WORDS: Record<Frequency | 'none', string> = {
  daily: 'a day',
  weekly: 'a week',
  monthly: 'a month',
  quarterly: 'a quarter',
  annually: 'a year',
  continuous: 'a quarter (continuous control)',
  none: 'a year (no frequency given)',
  'on-event': 'no fixed period',
};

export function addPeriod(date: string, frequency: Frequency | undefined): string | undefined {
  const period = PERIOD[frequency ?? 'none'];
  if (!period) return undefined;
  return 'months' in period ? addMonths(date, period.months) : addDays(date, period.days);
}

/** The last day evidence collected on `collected` is fresh, or undefined when it never goes stale. */
export function freshUntil(collected: string, frequency: Frequency | undefined): string | undefined {
  const end = addPeriod(collected, frequency);
  return end === undefined ? undefined : addDays(end, GRACE_DAYS);
}
