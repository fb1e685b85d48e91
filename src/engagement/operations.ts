/** `operations:` in the answers file: how each control has operated so far (Type II readiness). */
import { error, type Diagnostic, type Position } from '../diagnostics.js';
import type { PathSegment } from '../yaml/source.js';
import type { Frequency } from '../catalog/types.js';
import { isDate } from './dates.js';

export type EvidenceKept = 'kept' | 'partial' | 'not-kept' | 'not-sure';

export interface OperatingHistory {
  /** Overrides the control file's frequency. */
  frequency?: Frequency;
  /** Operating since (YYYY-MM-DD). */
  since?: string;
  /** Last time a periodic control was performed; anchors its schedule. */
  lastPerformed?: string;
  /** When a planned fix (or the control itself) will be in place. */
  plannedBy?: string;
  evidence?: EvidenceKept;
  /** ISO 8601 duration, e.g. P30D. */
  retention?: string;
  /** Event-driven controls: events a month. */
  eventsPerMonth?: number;
  note?: string;
  /** When it was answered (ISO 8601). */
  at?: string;
}

export type Operations = Record<string, OperatingHistory>;

/** The fields in the order the answers file writes them. */
export const OPERATION_FIELDS = [
  'frequency',
  'since',
  'lastPerformed',
  'plannedBy',
  'evidence',
  'retention',
  'eventsPerMonth',
  'note',
  'at',
] as const satisfies readonly (keyof OperatingHistory)[];

type Locate = (path: readonly PathSegment[], options?: { key?: boolean }) => Position | undefined;

/** Real calendar dates, and a last performance not before the control started. Pure. */
export function checkOperations(operations: Operations, file: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [id, history] of Object.entries(operations)) {
    for (const field of ['since', 'lastPerformed', 'plannedBy'] as const) {
      const value = history[field];
      if (value !== undefined && !isDate(value))
        diagnostics.push(
          error('schema', `"${field}" of operations "${id}" is not a calendar date (got "${value}").`, {
            file,
            ...locate(['operations', id, field]),
            hint: 'Write a real date as YYYY-MM-DD.',
          }),
        );
    }
    const { since, lastPerformed } = history;
    if (since && lastPerformed && isDate(since) && isDate(lastPerformed) && lastPerformed < since)
      diagnostics.push(
        error('schema', `"lastPerformed" of operations "${id}" (${lastPerformed}) is before "since" (${since}).`, {
          file,
          ...locate(['operations', id, 'lastPerformed']),
          hint: 'A control cannot have been performed before it started; correct one of the dates.',
        }),
      );
  }
  return diagnostics;
}

/** One history with its fields in file order and empty fields dropped (small, stable diffs). */
export function orderedHistory(history: OperatingHistory): OperatingHistory {
  const out: Record<string, unknown> = {};
  for (const field of OPERATION_FIELDS) if (history[field] !== undefined) out[field] = history[field];
  return out as OperatingHistory;
}
