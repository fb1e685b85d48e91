/** One control's readiness for one observation window. Pure; `not-sure` is never ready. */
import type { Frequency } from '../catalog/types.js';
import { daysBetween, durationDays } from './dates.js';
import { occurrencesIn } from './occurrences.js';
import { conventionalSample, sampleRange } from './sampling.js';
import type { ControlFacts, ControlInWindow, WindowStatus } from './types.js';

/**
 * Days after the window ends until the auditor has sampled its evidence: evidence from the first
 * day of the window must still exist then. A convention of ours (about two months of fieldwork and
 * reporting), or the days until `fieldworkStart` plus a month when that is later.
 */
export const REPORTING_DAYS = 60;

export interface Window {
  start: string;
  end: string;
  fieldworkStart?: string;
}

/** A control without a frequency anywhere is treated as a standing configuration, tested as of a date. */
export const frequencyOf = (c: ControlFacts): Frequency => c.history?.frequency ?? c.frequency ?? 'continuous';

export function reportingDays(w: Window): number {
  if (!w.fieldworkStart) return REPORTING_DAYS;
  return Math.max(REPORTING_DAYS, daysBetween(w.end, w.fieldworkStart) + 30);
}

export function controlInWindow(c: ControlFacts, w: Window): ControlInWindow {
  const frequency = frequencyOf(c);
  const base = { id: c.id, frequency, expected: null, sample: null, dueDates: [] };
  const blocked = blocker(c, w);
  if (blocked) return { ...base, ...blocked };
  const { count, dueDates } = occurrencesIn(frequency, c.history!, w.start, w.end);
  if (count === null)
    return {
      ...base,
      status: 'not-sure',
      reason: 'Events a month unknown: give eventsPerMonth to size the population.',
    };
  const sample = sampleRange(frequency, count);
  const result = { ...base, expected: count, sample, dueDates };
  if (count === 0) return { ...result, status: 'untestable', reason: untestableReason(frequency) };
  if (frequency !== 'on-event' && count < conventionalSample(frequency, count).low)
    return {
      ...result,
      status: 'thin',
      reason: `Only ${count} in the window: every one is tested, one miss is an exception.`,
    };
  if (c.history!.evidence === 'partial')
    return { ...result, status: 'thin', reason: 'Evidence is kept only in part: each missing record is an exception.' };
  return { ...result, status: 'ready', reason: 'Operates and leaves evidence through the window.' };
}

/** The statuses decided before counting occurrences, most fundamental first. */
function blocker(c: ControlFacts, w: Window): { status: WindowStatus; reason: string } | undefined {
  const h = c.history;
  if (c.design === 'not-designed')
    return {
      status: 'not-designed',
      reason: 'Design falls short in the questionnaire: close the gap before the window starts.',
    };
  if (c.design === 'not-sure') return { status: 'not-sure', reason: 'Design answers are "Not sure" or missing.' };
  if (!h?.since || !h.evidence)
    return { status: 'not-sure', reason: 'Operating history unknown: record since and evidence under operations.' };
  if (h.evidence === 'not-sure') return { status: 'not-sure', reason: 'Whether evidence is kept is "Not sure".' };
  const late = [h.since, h.plannedBy].filter((d): d is string => d !== undefined && d > w.start);
  if (late.length > 0)
    return { status: 'starts-late', reason: `Operates only from ${late.sort().at(-1)}, after the window starts.` };
  if (h.evidence === 'not-kept')
    return { status: 'no-evidence', reason: 'Evidence is not kept: keep a record of every occurrence.' };
  return retentionBlocker(h.retention, w);
}

function retentionBlocker(retention: string | undefined, w: Window) {
  const kept = retention === undefined ? undefined : durationDays(retention);
  const needed = daysBetween(w.start, w.end) + 1 + reportingDays(w);
  if (kept === undefined || kept >= needed) return undefined;
  return {
    status: 'no-evidence' as const,
    reason: `Evidence is kept ${retention} but must survive ${needed} days (window plus reporting time): extend retention.`,
  };
}

function untestableReason(frequency: Frequency): string {
  return frequency === 'on-event'
    ? 'No event expected in the window: the auditor can test design only.'
    : 'Does not occur in the window: re-perform it inside the window or move the window.';
}
