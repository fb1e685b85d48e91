/** `engagement` in `report --format json`: the machine form of audit readiness. Keys are added, never renamed. */
import type { AuditReadiness } from './audit.js';
import { SAMPLE_CAVEAT } from './sampling.js';

export function auditJson(audit: AuditReadiness) {
  const { readiness: r, focus } = audit;
  const typeI = {
    asOf: r.typeI.asOf,
    ready: r.typeI.ready,
    total: r.typeI.total,
    blockers: r.typeI.controls.filter((c) => c.status !== 'ready'),
  };
  const common = { type: r.type, assumed: r.assumed, fieldworkStart: r.fieldworkStart ?? null, typeI };
  if (r.type === 'type1')
    return {
      ...common,
      asOf: r.typeI.asOf,
      recommendedWindow: null,
      controls: r.typeI.controls.map((c) => ({ id: c.id, status: c.status, expected: 1, sample: { low: 1, high: 1 } })),
      sampleNote: SAMPLE_CAVEAT,
    };
  return {
    ...common,
    earliestStart: r.earliestStart,
    windows: r.windows.map((w) => ({ months: w.months, start: w.start, end: w.end, counts: w.counts })),
    recommendedWindow: r.recommendedWindow,
    /** The window `controls` describe: the recommended one, else the closest to feasible. */
    controlsWindow: focus ? { months: focus.months, start: focus.start, end: focus.end } : null,
    controls: (focus?.controls ?? []).map((c) => ({
      id: c.id,
      status: c.status,
      expected: c.expected,
      sample: c.sample,
      dueDates: c.dueDates,
    })),
    sampleNote: SAMPLE_CAVEAT,
  };
}
