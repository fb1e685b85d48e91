/**
 * The evidence request list ("PBC", provided by client) an auditor sends at the start of fieldwork,
 * derived from the in-scope controls and the engagement. Pure. One row per control and evidence item:
 * a Type I asks for each item "as of" the report date; a Type II asks, for every periodic or event
 * control, for the population of occurrences in the window, then for the items of a sample of it.
 */
import type { AuditReadiness } from '../engagement/audit.js';
import { addDays } from '../engagement/dates.js';
import { frequencyOf } from '../engagement/window-status.js';
import type { ControlFacts, ControlInWindow, TypeIControl } from '../engagement/types.js';

export type RequestType = 'as-of' | 'population' | 'sample';

export interface EvidenceRequest {
  /** PBC-<control>-<item>-<D|P|S>: stable across runs, so lists diff cleanly. */
  requestId: string;
  control: string;
  criteria: string;
  requestType: RequestType;
  artifact: string;
  sourceSystem: string;
  periodFrom: string;
  periodTo: string;
  frequency: string;
  expectedPopulation: string;
  sampleBasis: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'blocked';
  /** The control's readiness status when the evidence cannot be produced yet. */
  blockedBy: string;
}

/** Column keys and headers, in output order. */
export const COLUMNS: readonly (readonly [keyof EvidenceRequest, string])[] = [
  ['requestId', 'Request ID'],
  ['control', 'Control'],
  ['criteria', 'Criteria'],
  ['requestType', 'Request type'],
  ['artifact', 'Artifact'],
  ['sourceSystem', 'Source system'],
  ['periodFrom', 'Period from'],
  ['periodTo', 'Period to'],
  ['frequency', 'Frequency'],
  ['expectedPopulation', 'Expected population'],
  ['sampleBasis', 'Sample basis'],
  ['owner', 'Owner'],
  ['dueDate', 'Due date'],
  ['status', 'Status'],
  ['blockedBy', 'Blocked by'],
];

/** Sampled items are due this many days after the populations, once the auditor has selected. */
export const SAMPLE_DUE_AFTER_DAYS = 14;
const CODE: Record<RequestType, string> = { 'as-of': 'D', population: 'P', sample: 'S' };
const GENERIC_ITEM = 'Evidence that the control is designed and operates';

export function evidenceRequests(audit: AuditReadiness): EvidenceRequest[] {
  const window = audit.focus;
  return audit.facts.flatMap((f) => {
    const items = f.evidence.length > 0 ? f.evidence : [GENERIC_ITEM];
    return items.flatMap((artifact, i) => {
      const base = baseRow(f, artifact, i + 1, audit);
      const inWindow = window?.controls.find((c) => c.id === f.id);
      if (!window || !inWindow) return [asOfRow(base, typeIOf(audit, f.id), audit.readiness.typeI.asOf)];
      if (inWindow.frequency === 'continuous') return [asOfRow(base, inWindow, window.end)];
      return [populationRow(base, inWindow, window), sampleRow(base, inWindow, window)];
    });
  });
}

type Base = Omit<EvidenceRequest, 'requestType' | 'periodFrom' | 'periodTo' | 'expectedPopulation' | 'sampleBasis'>;

function baseRow(f: ControlFacts, artifact: string, item: number, audit: AuditReadiness): Base {
  return {
    requestId: `PBC-${f.id}-${item}`,
    control: f.id,
    criteria: f.criteria.join(', '),
    artifact,
    sourceSystem: '',
    frequency: frequencyOf(f),
    owner: f.owner ?? '',
    dueDate: audit.readiness.fieldworkStart ?? '',
    status: 'open',
    blockedBy: '',
  };
}

const typeIOf = (audit: AuditReadiness, id: string) => audit.readiness.typeI.controls.find((c) => c.id === id)!;

/** Thin controls can still be evidenced (every occurrence is tested); every other non-ready status blocks. */
function blocking(status: (ControlInWindow | TypeIControl)['status']): Pick<EvidenceRequest, 'status' | 'blockedBy'> {
  return status === 'ready' || status === 'thin'
    ? { status: 'open', blockedBy: '' }
    : { status: 'blocked', blockedBy: status };
}

function asOfRow(base: Base, c: ControlInWindow | TypeIControl, date: string): EvidenceRequest {
  return {
    ...base,
    requestId: `${base.requestId}-${CODE['as-of']}`,
    requestType: 'as-of',
    periodFrom: date,
    periodTo: date,
    expectedPopulation: '',
    sampleBasis: `As of ${date}`,
    ...blocking(c.status),
  };
}

function populationRow(base: Base, c: ControlInWindow, w: { start: string; end: string }): EvidenceRequest {
  return {
    ...base,
    requestId: `${base.requestId}-${CODE.population}`,
    requestType: 'population',
    periodFrom: w.start,
    periodTo: w.end,
    expectedPopulation: c.expected === null ? '' : String(c.expected),
    sampleBasis: 'Complete listing of every occurrence, with the query or report used and its row count',
    ...blocking(c.status),
  };
}

function sampleRow(base: Base, c: ControlInWindow, w: { start: string; end: string }): EvidenceRequest {
  const n =
    c.sample === null
      ? 'a sample'
      : c.sample.low === c.sample.high
        ? String(c.sample.low)
        : `${c.sample.low}–${c.sample.high}`;
  const of = c.expected === null ? 'the population' : String(c.expected);
  return {
    ...base,
    requestId: `${base.requestId}-${CODE.sample}`,
    requestType: 'sample',
    periodFrom: w.start,
    periodTo: w.end,
    expectedPopulation: c.expected === null ? '' : String(c.expected),
    sampleBasis: `Auditor selects ${n} of ${of} (practitioner convention, not an AICPA rule)`,
    dueDate: base.dueDate ? addDays(base.dueDate, SAMPLE_DUE_AFTER_DAYS) : '',
    ...blocking(c.status),
  };
}
