/**
 * Audit readiness for an engagement: Type I as of a date and, for a Type II, every candidate
 * observation window with a recommendation. Pure: the caller passes today's date.
 */
import type { Engagement } from './config.js';
import { DEFAULT_WINDOWS } from './config.js';
import { addDays, daysBetween, durationDays, maxDate, monthStartOnOrAfter, windowEnd } from './dates.js';
import { typeIReadiness } from './type1.js';
import { controlInWindow, type Window } from './window-status.js';
import { WINDOW_STATUSES, type ControlFacts, type EngagementReadiness, type WindowReadiness } from './types.js';

export interface ReadinessInput {
  /** Absent: a Type I as of today is assumed. */
  engagement?: Engagement;
  /** YYYY-MM-DD from the injected clock. */
  today: string;
  /** The in-scope controls, in catalog order. */
  controls: readonly ControlFacts[];
}

export function engagementReadiness(input: ReadinessInput): EngagementReadiness {
  const e = input.engagement ?? { type: 'type1' as const };
  const typeI = typeIReadiness(input.controls, e.asOf ?? input.today);
  const base = { type: e.type, assumed: !input.engagement, typeI, fieldworkStart: e.fieldworkStart };
  if (e.type === 'type1') return { ...base, windows: [], recommendedWindow: null };
  const earliestStart = earliestFeasibleStart(input.controls, e.asOf ?? input.today);
  const windows = e.window
    ? [windowReadiness(input.controls, { ...e.window, fieldworkStart: e.fieldworkStart })]
    : (e.windows ?? DEFAULT_WINDOWS).map((months) =>
        windowReadiness(input.controls, {
          start: earliestStart,
          end: windowEnd(earliestStart, months),
          fieldworkStart: e.fieldworkStart,
        }),
      );
  return { ...base, earliestStart, windows, recommendedWindow: recommend(windows) };
}

/**
 * The latest date any control allows a window to start: when it began operating, when a planned fix
 * lands, and how far back its kept evidence reaches today; rounded up to a month start (a
 * convention, not a rule). It may lie in the past: a window can look back when evidence was kept.
 */
export function earliestFeasibleStart(controls: readonly ControlFacts[], today: string): string {
  const limits: string[] = [];
  for (const c of controls) {
    const h = c.history;
    if (h?.since) limits.push(h.since);
    if (h?.plannedBy) limits.push(h.plannedBy);
    const kept = h?.retention === undefined ? undefined : durationDays(h.retention);
    if (kept !== undefined) limits.push(addDays(today, -kept));
  }
  return monthStartOnOrAfter(maxDate(limits) ?? today);
}

export function windowReadiness(controls: readonly ControlFacts[], w: Window): WindowReadiness {
  const results = controls.map((c) => controlInWindow(c, w));
  const counts = Object.fromEntries(WINDOW_STATUSES.map((s) => [s, 0])) as WindowReadiness['counts'];
  for (const r of results) counts[r.status]++;
  return { months: monthsIn(w.start, w.end), start: w.start, end: w.end, counts, controls: results };
}

/** Calendar length in whole months (a fixed window of 2027-01-01 to 2027-06-30 is 6). */
function monthsIn(start: string, end: string): number {
  return Math.max(1, Math.round((daysBetween(start, end) + 1) / (365.25 / 12)));
}

/** The shortest window with no untestable and no no-evidence control. */
function recommend(windows: readonly WindowReadiness[]): number | null {
  const fit = windows
    .filter((w) => w.counts.untestable === 0 && w.counts['no-evidence'] === 0)
    .sort((a, b) => a.months - b.months);
  return fit[0]?.months ?? null;
}
