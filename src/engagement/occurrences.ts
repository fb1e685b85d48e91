/** How often a control operates inside a window: scheduled dates, days, or events. Pure. */
import type { Frequency } from '../catalog/types.js';
import type { OperatingHistory } from './operations.js';
import { addDays, addMonths, daysBetween } from './dates.js';

export interface Occurrences {
  /** null when it cannot be estimated (an event control without `eventsPerMonth`). */
  count: number | null;
  /** Scheduled dates inside the window, when the schedule is anchored. */
  dueDates: string[];
}

const STEP_MONTHS: Partial<Record<Frequency, number>> = { monthly: 1, quarterly: 3, annually: 12 };
const STEP_DAYS: Partial<Record<Frequency, number>> = { daily: 1, weekly: 7 };
const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Expected occurrences in [start, end] (both inclusive). Periodic controls follow their schedule
 * from `lastPerformed` (else `since`); without either, whole periods that fit are counted. A
 * continuous (automated) control counts once: its configuration, tested as of a date.
 */
export function occurrencesIn(
  frequency: Frequency,
  history: OperatingHistory,
  start: string,
  end: string,
): Occurrences {
  const from = history.since && history.since > start ? history.since : start;
  if (from > end) return { count: 0, dueDates: [] };
  if (frequency === 'continuous') return { count: 1, dueDates: [] };
  const days = daysBetween(from, end) + 1;
  if (frequency === 'on-event') {
    if (history.eventsPerMonth === undefined) return { count: null, dueDates: [] };
    return { count: Math.round((history.eventsPerMonth * days) / DAYS_PER_MONTH), dueDates: [] };
  }
  if (frequency === 'daily') return { count: days, dueDates: [] };
  const anchor = history.lastPerformed ?? history.since;
  if (!anchor) return { count: unanchoredCount(frequency, days), dueDates: [] };
  const dueDates = scheduleBetween(frequency, anchor, from, end);
  return { count: dueDates.length, dueDates: frequency === 'weekly' ? [] : dueDates };
}

/** Whole periods that fit in `days`, whatever the schedule's phase. */
function unanchoredCount(frequency: Frequency, days: number): number {
  const step = STEP_DAYS[frequency] ?? (STEP_MONTHS[frequency] ?? 12) * DAYS_PER_MONTH;
  return Math.floor(days / step);
}

/** The dates anchor ± k periods that fall in [from, end]. */
export function scheduleBetween(frequency: Frequency, anchor: string, from: string, end: string): string[] {
  const at = (k: number) =>
    STEP_DAYS[frequency] !== undefined
      ? addDays(anchor, k * STEP_DAYS[frequency]!)
      : addMonths(anchor, k * (STEP_MONTHS[frequency] ?? 12));
  let k = 0;
  while (at(k) > from) k--; // step back to on or before the window start
  const dates: string[] = [];
  for (; at(k) <= end; k++) if (at(k) >= from) dates.push(at(k));
  return dates;
}

/** The first scheduled date on or after `date`, for a periodic control with a known anchor. */
export function nextDue(frequency: Frequency, history: OperatingHistory, date: string): string | undefined {
  const anchor = history.lastPerformed ?? history.since;
  if (!anchor || STEP_MONTHS[frequency] === undefined) return undefined;
  return scheduleBetween(frequency, anchor, date, addMonths(date, STEP_MONTHS[frequency]!))[0];
}
