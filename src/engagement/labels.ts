/** Words for statuses and facts, shared by every report format. */
import type { EvidenceKept } from './operations.js';
import type { TypeIStatus, WindowStatus } from './types.js';

const STATUS_LABEL: Record<WindowStatus | TypeIStatus, string> = {
  ready: 'Ready',
  thin: 'Thin',
  untestable: 'Untestable',
  'starts-late': 'Starts late',
  'no-evidence': 'No evidence',
  'not-designed': 'Not designed',
  'not-sure': 'Not sure',
};

export const auditStatusLabel = (s: WindowStatus | TypeIStatus) => STATUS_LABEL[s];

/** The report's badge colour: ready, partial (thin) or gap (everything that blocks). */
export const auditBadge = (s: WindowStatus | TypeIStatus) =>
  s === 'ready' ? 'ready' : s === 'thin' ? 'partial' : 'gap';

const EVIDENCE_LABEL: Record<EvidenceKept, string> = {
  kept: 'Kept',
  partial: 'Partly kept',
  'not-kept': 'Not kept',
  'not-sure': 'Not sure',
};

export function evidenceLabel(evidence: EvidenceKept | undefined, retention: string | undefined): string {
  if (!evidence) return '—';
  return retention ? `${EVIDENCE_LABEL[evidence]} (${retention})` : EVIDENCE_LABEL[evidence];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Jan 2027" for a YYYY-MM-DD date. */
export const monthLabel = (date: string) => `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
