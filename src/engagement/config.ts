/** `engagement:` in soc2-ready.yaml: which examination is being prepared, and when. */
import { error, type Diagnostic, type Position } from '../diagnostics.js';
import type { PathSegment } from '../yaml/source.js';
import { isDate } from './dates.js';

export type EngagementType = 'type1' | 'type2';

export interface Engagement {
  type: EngagementType;
  /** Type I: the date design is tested (default: today). */
  asOf?: string;
  /** Type II: a fixed observation window. */
  window?: { start: string; end: string };
  /** Type II: candidate window lengths in months; the tool recommends one. */
  windows?: number[];
  /** When fieldwork starts: evidence requests fall due from then. */
  fieldworkStart?: string;
}

/** Candidate lengths when a Type II engagement names neither `window` nor `windows`. */
export const DEFAULT_WINDOWS: readonly number[] = [3, 6, 12];

type Locate = (path: readonly PathSegment[], options?: { key?: boolean }) => Position | undefined;

/**
 * What the schema cannot say about a schema-valid engagement: real calendar dates, a window that
 * ends after it starts, one way of giving the window, and no window on a Type I. Pure.
 */
export function checkEngagement(e: Engagement, file: string, locate: Locate): Diagnostic[] {
  const at = (path: PathSegment[], key = false) => ({ file, ...locate(['engagement', ...path], { key }) });
  const diagnostics: Diagnostic[] = [];
  const dates: [PathSegment[], string | undefined][] = [
    [['asOf'], e.asOf],
    [['window', 'start'], e.window?.start],
    [['window', 'end'], e.window?.end],
    [['fieldworkStart'], e.fieldworkStart],
  ];
  for (const [path, value] of dates) {
    if (value !== undefined && !isDate(value))
      diagnostics.push(
        error('schema', `engagement.${path.join('.')} "${value}" is not a calendar date.`, {
          ...at(path),
          hint: 'Write a real date as YYYY-MM-DD.',
        }),
      );
  }
  if (e.window && isDate(e.window.start) && isDate(e.window.end) && e.window.end <= e.window.start)
    diagnostics.push(
      error('schema', `engagement.window ends (${e.window.end}) on or before it starts (${e.window.start}).`, {
        ...at(['window', 'end']),
        hint: 'Give an end date after the start date.',
      }),
    );
  if (e.window && e.windows)
    diagnostics.push(
      error('schema', 'engagement gives both "window" and "windows".', {
        ...at(['windows'], true),
        hint: 'Keep "window" for a fixed window, or "windows" for candidate lengths, not both.',
      }),
    );
  for (const field of ['window', 'windows'] as const) {
    if (e.type === 'type1' && e[field] !== undefined)
      diagnostics.push(
        error('schema', `engagement.${field} is given for a type1 engagement, which has no observation window.`, {
          ...at([field], true),
          hint: `Remove "${field}", or set "type: type2".`,
        }),
      );
  }
  return diagnostics;
}
