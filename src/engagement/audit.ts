/** Everything a report needs about audit readiness, computed once per report. Pure. */
import type { Engagement } from './config.js';
import { dateOf } from './dates.js';
import { controlFacts } from './facts.js';
import type { Operations } from './operations.js';
import { engagementReadiness } from './readiness.js';
import type { Assessment } from '../scoring.js';
import type { ControlFacts, EngagementReadiness, WindowReadiness } from './types.js';

export interface AuditReadiness {
  readiness: EngagementReadiness;
  facts: ControlFacts[];
  /** YYYY-MM-DD from the injected clock. */
  today: string;
  /** The window the operating-evidence matrix shows (Type II): the recommended one, else the most feasible. */
  focus?: WindowReadiness;
}

export function auditReadiness(
  assessment: Assessment,
  engagement: Engagement | undefined,
  operations: Operations | undefined,
  now: string,
): AuditReadiness {
  const today = dateOf(now);
  const facts = controlFacts(assessment, operations);
  const readiness = engagementReadiness({ engagement, today, controls: facts });
  return { readiness, facts, today, focus: focusWindow(readiness) };
}

/** The recommended window; without one, the window with the fewest blocking controls (shorter on ties). */
export function focusWindow(r: EngagementReadiness): WindowReadiness | undefined {
  const recommended = r.windows.find((w) => w.months === r.recommendedWindow);
  if (recommended) return recommended;
  const blocking = (w: WindowReadiness) => w.counts.untestable + w.counts['no-evidence'];
  return [...r.windows].sort((a, b) => blocking(a) - blocking(b) || a.months - b.months)[0];
}
