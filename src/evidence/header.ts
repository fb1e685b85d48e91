/** What every format of the evidence list says about itself: who, which examination, which period. */
import type { AuditReadiness } from '../engagement/audit.js';
import { SAMPLE_CAVEAT } from '../engagement/sampling.js';
import type { EvidenceRequest } from './requests.js';

export interface EvidenceHeader {
  organization: string;
  type: 'type1' | 'type2';
  assumed: boolean;
  periodFrom: string;
  periodTo: string;
  fieldworkStart: string;
  notes: string[];
}

export function evidenceHeader(
  audit: AuditReadiness,
  organization: string | undefined,
  requests: readonly EvidenceRequest[],
): EvidenceHeader {
  const r = audit.readiness;
  const window = audit.focus;
  const periodFrom = window?.start ?? r.typeI.asOf;
  const periodTo = window?.end ?? r.typeI.asOf;
  const blocked = requests.filter((q) => q.status === 'blocked').length;
  const notes = [
    r.assumed
      ? `No engagement is set in soc2-ready.yaml: these are Type I requests as of today (${r.typeI.asOf}).`
      : window
        ? `SOC 2 Type II, observation window ${periodFrom} to ${periodTo} (${window.months} months).`
        : `SOC 2 Type I as of ${periodFrom}.`,
    `${requests.length} requests, ${blocked} blocked until the control's status allows the evidence to exist.`,
    r.fieldworkStart
      ? `Due dates follow fieldwork starting ${r.fieldworkStart}; sampled items are due two weeks later.`
      : 'No fieldworkStart in the engagement: due dates are left blank.',
    SAMPLE_CAVEAT,
  ];
  return {
    organization: organization ?? 'Unnamed organization',
    type: r.type,
    assumed: r.assumed,
    periodFrom,
    periodTo,
    fieldworkStart: r.fieldworkStart ?? '',
    notes,
  };
}
