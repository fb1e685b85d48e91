/**
 * The "Audit readiness" section of every report: one pre-formatted object templates only print.
 * Pure; sample sizes shown here are practitioner conventions, and the section says so.
 */
import { addDays } from './dates.js';
import type { AuditReadiness } from './audit.js';
import { auditBadge, auditStatusLabel, evidenceLabel } from './labels.js';
import { nextDue } from './occurrences.js';
import { SAMPLE_CAVEAT, sampleLabel } from './sampling.js';
import { timeline } from './timeline.js';
import { WINDOW_STATUSES, type ControlFacts, type ControlInWindow, type WindowReadiness } from './types.js';
import { frequencyOf } from './window-status.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const oneLine = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function auditView(audit: AuditReadiness) {
  const { readiness: r, focus } = audit;
  const typeI = r.typeI;
  const mustOccur = mustOccurRows(audit);
  return {
    type: r.type,
    typeLabel: r.type === 'type1' ? 'Type I' : 'Type II',
    isTypeII: r.type === 'type2',
    assumedText: r.assumed
      ? `No engagement is set in soc2-ready.yaml, so this section treats the examination as a Type I as of today (${audit.today}). Add "engagement:" (type2 and candidate windows) to plan a Type II.`
      : '',
    typeI: {
      asOf: typeI.asOf,
      text: `${typeI.ready} of ${plural(typeI.total, 'in-scope control is', 'in-scope controls are')} designed and in operation on that date.`,
      // A Type I's matrix below already lists every control's status; a Type II lists its blockers here.
      blockers: (r.type === 'type1' ? [] : typeI.controls)
        .filter((c) => c.status !== 'ready')
        .map((c) => ({ ...c, ...titled(audit, c.id), statusLabel: auditStatusLabel(c.status) })),
    },
    earliestStart: r.earliestStart ?? '',
    windows: r.windows.map((w) => windowRow(w, r.recommendedWindow)),
    statusHeaders: WINDOW_STATUSES.map((s) => auditStatusLabel(s)),
    recommendedText: recommendedText(audit),
    focusText: focus ? `${focus.months}-month window, ${focus.start} to ${focus.end}` : `Type I as of ${typeI.asOf}`,
    matrix: focus ? focus.controls.map((c) => windowMatrixRow(audit, c)) : typeIMatrix(audit),
    mustOccur,
    timeline: focus && mustOccur.length > 0 ? timeline(focus, mustOccur) : null,
    fieldworkStart: r.fieldworkStart ?? '',
    sampleCaveat: SAMPLE_CAVEAT,
  };
}

export type AuditView = ReturnType<typeof auditView>;

function titled(audit: AuditReadiness, id: string) {
  return { title: audit.facts.find((f) => f.id === id)?.title ?? '' };
}

function windowRow(w: WindowReadiness, recommended: number | null) {
  return {
    months: w.months,
    start: w.start,
    end: w.end,
    counts: WINDOW_STATUSES.map((s) => w.counts[s]),
    readyText: `${w.counts.ready + w.counts.thin} of ${w.controls.length}`,
    recommended: w.months === recommended,
  };
}

function recommendedText(audit: AuditReadiness): string {
  const { readiness: r, focus } = audit;
  if (r.type === 'type1') return 'A Type I tests design on one date; there is no observation window.';
  const w = r.windows.find((x) => x.months === r.recommendedWindow);
  if (w)
    return `Recommended: the ${w.months}-month window from ${w.start} to ${w.end}, the shortest with no untestable control and no control without evidence. After it, a bridge letter from management covers the gap from ${addDays(w.end, 1)} until the next report.`;
  return `No window can be recommended yet: every candidate has untestable controls or controls without evidence. Fix those below and run the report again. The matrix shows the ${focus?.months}-month window, the closest to feasible.`;
}

function windowMatrixRow(audit: AuditReadiness, c: ControlInWindow) {
  const f = audit.facts.find((x) => x.id === c.id)!;
  return {
    ...factColumns(f),
    expected: c.expected === null ? '—' : String(c.expected),
    sample: sampleLabel(c.sample).replace('unknown', '—'),
    status: c.status,
    statusLabel: auditStatusLabel(c.status),
    badge: auditBadge(c.status),
    fix: c.status === 'not-designed' && f.remediation ? `${c.reason} ${oneLine(f.remediation)}` : c.reason,
  };
}

function typeIMatrix(audit: AuditReadiness) {
  return audit.readiness.typeI.controls.map((c) => {
    const f = audit.facts.find((x) => x.id === c.id)!;
    return {
      ...factColumns(f),
      expected: '1 (as of)',
      sample: '1',
      status: c.status,
      statusLabel: auditStatusLabel(c.status),
      badge: auditBadge(c.status),
      fix: c.reason ? (c.status === 'not-designed' ? `${c.reason} ${oneLine(f.remediation)}`.trim() : c.reason) : '—',
    };
  });
}

function factColumns(f: ControlFacts) {
  return {
    id: f.id,
    title: f.title,
    criteria: f.criteria.join(', '),
    frequency: frequencyOf(f),
    since: f.history?.since ?? '—',
    evidence: evidenceLabel(f.history?.evidence, f.history?.retention),
  };
}

/** Annual and quarterly controls: each must occur inside the window to be tested at all. */
function mustOccurRows(audit: AuditReadiness) {
  return audit.facts
    .filter((f) => ['annually', 'quarterly'].includes(frequencyOf(f)))
    .map((f) => {
      const inWindow = audit.focus?.controls.find((c) => c.id === f.id)?.dueDates ?? [];
      const due = f.history ? nextDue(frequencyOf(f), f.history, audit.today) : undefined;
      return {
        id: f.id,
        title: f.title,
        frequency: frequencyOf(f),
        nextDue: due ?? 'unknown (record lastPerformed)',
        dueDates: inWindow,
        inWindowText: audit.focus
          ? inWindow.join(', ') || 'none: re-perform it inside the window'
          : '— (Type I: no window)',
      };
    });
}
