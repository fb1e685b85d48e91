/**
 * `verify`: are the readiness claims in an answers file backed by evidence? Pure: the command reads
 * the files and passes what it found (exists, SHA-256); URLs and tickets are never fetched.
 * Every problem is located at the answers file's line and column.
 */
import type { Frequency } from '../catalog/types.js';
import type { PathSegment } from '../yaml/source.js';
import { error, type Diagnostic, type Position } from '../diagnostics.js';
import type { Operations } from '../engagement/operations.js';
import type { ControlResult } from '../scoring.js';
import { addPeriod, freshUntil, GRACE_DAYS, PERIOD_WORDS } from './freshness.js';
import { evidenceKind, newestCollected, type EvidenceMap, type EvidenceRef } from './references.js';

export const REQUIRE_EVIDENCE = ['key', 'all', 'none'] as const;
export type RequireEvidence = (typeof REQUIRE_EVIDENCE)[number];

/** What the command found on disk for a local reference. */
export interface FileStatus {
  exists: boolean;
  sha256?: string;
}

export interface VerifyInput {
  /** Scored in-scope controls (the plan), catalog order. */
  controls: readonly ControlResult[];
  evidence: EvidenceMap;
  operations?: Operations;
  /** Every control id of the library, in scope or not. */
  knownControls: ReadonlySet<string>;
  keyControls: ReadonlySet<string>;
  require: RequireEvidence;
  /** YYYY-MM-DD */
  asOf: string;
  /** A Type II engagement's fixed observation window. */
  window?: { start: string; end: string };
  /** By `ref`, for local references. */
  files: ReadonlyMap<string, FileStatus>;
  file: string;
  locate: (path: readonly PathSegment[], options?: { key?: boolean }) => Position | undefined;
}

export function verifyEvidence(input: VerifyInput): Diagnostic[] {
  const at = (path: PathSegment[], key = false) => ({ file: input.file, ...input.locate(path, { key }) });
  const diagnostics: Diagnostic[] = [];
  for (const [id, refs] of Object.entries(input.evidence)) {
    if (!input.knownControls.has(id)) {
      diagnostics.push(
        error('unknown-control', `Evidence is recorded for "${id}", which is not a control of this assessment.`, {
          ...at(['evidence', id], true),
          hint: 'Correct the control id, or remove the entry.',
        }),
      );
      continue;
    }
    refs.forEach((ref, i) => diagnostics.push(...fileProblems(id, ref, i, input, at)));
  }
  for (const control of input.controls) diagnostics.push(...controlProblems(control, input, at));
  return diagnostics;
}

type At = (path: PathSegment[], key?: boolean) => Partial<Diagnostic>;

function fileProblems(id: string, ref: EvidenceRef, i: number, input: VerifyInput, at: At): Diagnostic[] {
  if (evidenceKind(ref.ref) !== 'file') return [];
  const found = input.files.get(ref.ref);
  if (!found?.exists)
    return [
      error('evidence-not-found', `Evidence "${ref.ref}" of ${id} does not exist (relative to the answers file).`, {
        ...at(['evidence', id, i, 'ref']),
        hint: 'Add the file, or correct the path.',
      }),
    ];
  if (ref.sha256 !== undefined && found.sha256 !== ref.sha256)
    return [
      error('evidence-changed', `Evidence "${ref.ref}" of ${id} has changed since it was recorded (SHA-256 differs).`, {
        ...at(['evidence', id, i, 'sha256']),
        hint: `If the change is intended, record the new hash: sha256: ${found.sha256}`,
      }),
    ];
  return [];
}

function controlProblems(control: ControlResult, input: VerifyInput, at: At): Diagnostic[] {
  const refs = input.evidence[control.id] ?? [];
  if (refs.length === 0) return missing(control, input, at);
  const frequency = input.operations?.[control.id]?.frequency ?? (control.control.frequency as Frequency | undefined);
  const newest = newestCollected(refs)!;
  const newestAt = at(['evidence', control.id, refs.findIndex((r) => r.collected === newest), 'collected']);
  const problems: Diagnostic[] = [];
  const fresh = freshUntil(newest, frequency);
  if (fresh !== undefined && input.asOf > fresh)
    problems.push(
      error(
        'evidence-stale',
        `Evidence of ${control.id} (${frequency ?? 'no frequency'}) was last collected ${newest}: older than ${PERIOD_WORDS[frequency ?? 'none']} plus ${GRACE_DAYS} days at ${input.asOf}.`,
        { ...newestAt, hint: 'Collect current evidence and record it with its date.' },
      ),
    );
  const outside = outsideWindow(refs, frequency, input);
  if (outside)
    problems.push(
      error(
        'evidence-outside-window',
        `No evidence of ${control.id} (${frequency ?? 'no frequency'}) is dated inside the observation window ${outside}.`,
        { ...newestAt, hint: 'A Type II auditor samples occurrences inside the window: record evidence from it.' },
      ),
    );
  return problems;
}

function missing(control: ControlResult, input: VerifyInput, at: At): Diagnostic[] {
  const required = input.require === 'all' || (input.require === 'key' && input.keyControls.has(control.id));
  if (!required || control.status !== 'ready') return [];
  const first = control.questions.find((q) => q.state === 'answered');
  return [
    error('evidence-missing', `${control.id} is answered as in place, but no evidence is recorded for it.`, {
      ...(first ? at(['answers', first.id], true) : { file: input.file }),
      hint: `Record where the proof is under evidence: ${control.id} (a file, URL or ticket id), e.g. with \`soc2-ready assess --review --control ${control.id}\`.`,
    }),
  ];
}

/**
 * With a fixed Type II window that has started, a control whose period fits inside the window must
 * leave evidence dated inside it (up to the as-of date). Returns the window as text when none is.
 */
function outsideWindow(
  refs: readonly EvidenceRef[],
  frequency: Frequency | undefined,
  input: VerifyInput,
): string | undefined {
  const w = input.window;
  if (!w || input.asOf < w.start || frequency === undefined) return undefined;
  const periodEnd = addPeriod(w.start, frequency);
  if (periodEnd === undefined || periodEnd > addPeriod(w.end, 'daily')!) return undefined;
  const until = input.asOf < w.end ? input.asOf : w.end;
  if (refs.some((r) => r.collected >= w.start && r.collected <= until)) return undefined;
  return `${w.start} to ${w.end}`;
}
