/**
 * `evidence:` in the answers file: where the proof of each control is. A reference is a local file
 * (relative to the answers file), a URL or a ticket id, with the date it was collected and, for
 * files, the SHA-256 of its content. URLs and tickets are recorded, never fetched. Pure.
 */
import { error, type Diagnostic, type Position } from '../diagnostics.js';
import type { PathSegment } from '../yaml/source.js';
import { isDate } from '../engagement/dates.js';

export interface EvidenceRef {
  /** A path relative to the answers file, a URL (scheme://…) or a ticket id (SEC-412, #412). */
  ref: string;
  /** YYYY-MM-DD */
  collected: string;
  /** Lower-case hex SHA-256 of a local file's bytes. */
  sha256?: string;
  note?: string;
}

export type EvidenceMap = Record<string, EvidenceRef[]>;
export type EvidenceKind = 'file' | 'url' | 'ticket';

const URL_REF = /^[a-z][a-z0-9+.-]*:\/\//i;
const TICKET_REF = /^(?:[A-Z][A-Z0-9_]*-\d+|#\d+)$/;

export function evidenceKind(ref: string): EvidenceKind {
  if (URL_REF.test(ref)) return 'url';
  if (TICKET_REF.test(ref)) return 'ticket';
  return 'file';
}

type Locate = (path: readonly PathSegment[], options?: { key?: boolean }) => Position | undefined;

/** Real calendar dates (the schema checks the shape). */
export function checkEvidence(evidence: EvidenceMap, file: string, locate: Locate): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [id, refs] of Object.entries(evidence))
    refs.forEach((r, i) => {
      if (!isDate(r.collected))
        diagnostics.push(
          error('schema', `"collected" of entry ${i + 1} of "${id}" is not a calendar date (got "${r.collected}").`, {
            file,
            ...locate(['evidence', id, i, 'collected']),
            hint: 'Write a real date as YYYY-MM-DD.',
          }),
        );
    });
  return diagnostics;
}

/** The newest collection date of a control's references, or undefined. */
export function newestCollected(refs: readonly EvidenceRef[]): string | undefined {
  return refs
    .map((r) => r.collected)
    .reduce<string | undefined>((a, b) => (a === undefined || b > a ? b : a), undefined);
}

/** Evidence by control in `controlOrder` (natural order for the rest), fields in file order. */
export function orderedEvidence(
  evidence: EvidenceMap | undefined,
  rank: (controlId: string) => number,
  compare: (a: string, b: string) => number,
): EvidenceMap | undefined {
  if (!evidence) return undefined;
  const ids = Object.keys(evidence)
    .filter((id) => evidence[id]!.length > 0)
    .sort((a, b) => rank(a) - rank(b) || compare(a, b));
  if (ids.length === 0) return undefined;
  return Object.fromEntries(
    ids.map((id) => [
      id,
      evidence[id]!.map((r) => {
        const out: EvidenceRef = { ref: r.ref, collected: r.collected };
        if (r.sha256 !== undefined) out.sha256 = r.sha256;
        if (r.note !== undefined) out.note = r.note;
        return out;
      }),
    ]),
  );
}
