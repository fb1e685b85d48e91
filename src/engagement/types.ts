/** The facts and results of audit readiness (Type I and Type II). */
import type { Frequency } from '../catalog/types.js';
import type { OperatingHistory } from './operations.js';

/** Whether a control's design is in place, from the questionnaire (`not-sure` is never ready). */
export type Design = 'designed' | 'not-designed' | 'not-sure';

/** What the computation knows about one in-scope control. */
export interface ControlFacts {
  id: string;
  title: string;
  criteria: string[];
  /** The control file's frequency; `history.frequency` overrides it. */
  frequency?: Frequency;
  owner?: string;
  evidence: string[];
  remediation?: string;
  design: Design;
  history?: OperatingHistory;
}

export type TypeIStatus = 'ready' | 'not-designed' | 'not-sure' | 'starts-late';

export type WindowStatus =
  'ready' | 'thin' | 'untestable' | 'starts-late' | 'no-evidence' | 'not-designed' | 'not-sure';

export const WINDOW_STATUSES: readonly WindowStatus[] = [
  'ready',
  'thin',
  'untestable',
  'starts-late',
  'no-evidence',
  'not-designed',
  'not-sure',
];

/** A practitioner sample range (a convention of audit firms, not an AICPA rule). */
export interface SampleRange {
  low: number;
  high: number;
}

export interface TypeIControl {
  id: string;
  status: TypeIStatus;
  /** Why it blocks a Type I; absent when ready. */
  reason?: string;
}

export interface TypeIReadiness {
  asOf: string;
  ready: number;
  total: number;
  controls: TypeIControl[];
}

export interface ControlInWindow {
  id: string;
  frequency: Frequency;
  status: WindowStatus;
  /** Expected occurrences (or events) in the window; null when it cannot be estimated. */
  expected: number | null;
  sample: SampleRange | null;
  /** Scheduled dates inside the window (periodic controls with a known schedule). */
  dueDates: string[];
  /** One sentence: why this status, and what to do. */
  reason: string;
}

export interface WindowReadiness {
  months: number;
  start: string;
  end: string;
  counts: Record<WindowStatus, number>;
  controls: ControlInWindow[];
}

export interface EngagementReadiness {
  type: 'type1' | 'type2';
  /** True when no engagement is configured: a Type I as of today is assumed. */
  assumed: boolean;
  typeI: TypeIReadiness;
  /** Type II only: the earliest window start every control supports (a month start). */
  earliestStart?: string;
  windows: WindowReadiness[];
  /** Months of the recommended window, or null when none qualifies (Type II only). */
  recommendedWindow: number | null;
  fieldworkStart?: string;
}
