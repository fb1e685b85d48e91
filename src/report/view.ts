/**
 * The report view model: one flat, sorted, pre-formatted object that every template and the JSON
 * output read. Templates only loop and print; every number and sentence is decided here.
 */
import type { Catalog } from '../catalog/types.js';
import {
  percent,
  type Assessment,
  type ControlResult,
  type CriterionCap,
  type QuestionResult,
  type Status,
} from '../scoring.js';
import { categoryBars, CHART, seriesStacks } from './charts.js';
import { scopeModel, type ScopeInput } from './scope-model.js';
import { scopeView } from './scope-view.js';
import type { AuditReadiness } from '../engagement/audit.js';
import { auditView } from '../engagement/view.js';

export interface ReportMeta {
  organization?: string;
  answersFile: string;
  controlsSource: string;
  /** ISO 8601, from the injected clock. */
  generatedAt: string;
  tool: { name: string; version: string };
  staleAnswers: string[];
  /** Audit readiness (Type I / Type II) for the "Audit readiness" section; absent in a diff. */
  audit?: AuditReadiness;
  /** System description, subservice organisations, CUECs and scoping answers (absent: none recorded). */
  scope?: ScopeInput;
}

const STATUS_LABEL: Record<Status, string> = {
  ready: 'Ready',
  partial: 'Partial',
  gap: 'Gap',
  unmapped: 'Unmapped',
  'not-applicable': 'Not applicable',
  excluded: 'Excluded',
  'out-of-scope': 'Out of scope',
};

export const statusLabel = (s: Status) => STATUS_LABEL[s];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function toReportView(a: Assessment, catalog: Catalog, meta: ReportMeta) {
  const titles = new Map(catalog.criteria.map((c) => [c.id, c.title]));
  const controlTitles = new Map(a.controls.map((c) => [c.id, c.control.title]));
  const inScope = a.categories.filter((c) => c.inScope);
  const overall = percent(a.overall.score);
  return {
    tool: meta.tool,
    generatedAt: meta.generatedAt,
    generatedDate: meta.generatedAt.slice(0, 10),
    organization: meta.organization ?? 'Unnamed organization',
    answersFile: meta.answersFile,
    controlsSource: meta.controlsSource,
    framework: catalog.framework,
    frameworkSource: catalog.source,
    overall: {
      percent: overall,
      percentLabel: overall === null ? 'n/a' : `${overall}%`,
      status: a.overall.status,
      statusLabel: statusLabel(a.overall.status),
    },
    verdict: verdict(a, overall),
    scopeText: inScope.map((c) => c.name).join(', '),
    ...scopeView(scopeModel(a, meta.scope ?? NO_SCOPE), catalog),
    outOfScopeText:
      a.categories
        .filter((c) => !c.inScope)
        .map((c) => c.name)
        .join(', ') || 'none',
    categories: a.categories.map((c) => ({
      ...c,
      percentLabel: c.inScope ? (c.score === null ? 'n/a' : `${percent(c.score)}%`) : 'N/A',
      statusLabel: statusLabel(c.status),
    })),
    series: seriesGroups(a),
    criteriaAtRisk: a.criteriaAtRisk.map((c) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      statusLabel: statusLabel(c.status),
      percentLabel: `${percent(c.score) ?? 0}%`,
      capText: c.cappedBy ? capText(c.cappedBy) : '',
      driversText: c.drivers.length > 0 ? c.drivers.join(', ') : 'no control maps to it',
    })),
    counts: counts(a),
    gaps: a.gaps.map((g, i) => gapView(g, i + 1, titles)),
    notSure: a.notSure.map((q) => questionView(q, controlTitles)),
    unanswered: a.unanswered.map((q) => questionView(q, controlTitles)),
    notApplicable: a.notApplicable.map((q) => questionView(q, controlTitles)),
    invalid: a.invalid.map((q) => questionView(q, controlTitles)),
    excluded: a.excluded.map((e) => ({
      criterion: e.criterion,
      title: titles.get(e.criterion) ?? '',
      reason: e.reason,
    })),
    staleAnswers: meta.staleAnswers,
    audit: meta.audit ? auditView(meta.audit) : null,
    thresholds: a.thresholds,
    charts: {
      width: CHART.width,
      labelWidth: CHART.labelWidth,
      barHeight: CHART.barHeight,
      categories: categoryBars(a),
      series: seriesStacks(a),
    },
  };
}

export type ReportView = ReturnType<typeof toReportView>;

export const NO_SCOPE: ScopeInput = { subservice: [], cuecs: [], scoping: [], scopingAnswers: {} };

function verdict(a: Assessment, overall: number | null): string {
  const gaps = a.gaps.length;
  const unknown = a.notSure.length + a.unanswered.length;
  const unknownText =
    unknown > 0
      ? ` ${plural(unknown, 'question is unanswered or "Not sure" and counts', 'questions are unanswered or "Not sure" and count')} as not ready until checked.`
      : '';
  if (overall === null) return `Nothing in scope could be scored yet.${unknownText}`;
  if (a.overall.status === 'ready' && gaps === 0)
    return `Ready to engage an auditor: every in-scope area meets the ${a.thresholds.ready}% readiness threshold.${unknownText}`;
  if (a.overall.status === 'ready')
    return `Close to ready: every in-scope criterion meets the threshold, but ${plural(gaps, 'control still falls', 'controls still fall')} short and should be fixed before fieldwork.${unknownText}`;
  const atRisk = a.criteriaAtRisk.length;
  const risk =
    atRisk > 0
      ? ` ${plural(atRisk, 'in-scope criterion is', 'in-scope criteria are')} below ready and would likely draw exceptions.`
      : '';
  return `Not ready yet: ${plural(gaps, 'control falls', 'controls fall')} short of the ${a.thresholds.ready}% threshold.${risk} Work through the criteria at risk and the prioritised gaps below before engaging an auditor.${unknownText}`;
}

function seriesGroups(a: Assessment) {
  const names = [...new Set(a.criteria.map((c) => c.series))];
  return names.map((name) => ({
    name,
    criteria: a.criteria
      .filter((c) => c.series === name)
      .map((c) => ({
        id: c.id,
        title: c.title,
        category: c.category,
        inScope: c.inScope,
        status: c.status,
        statusLabel: statusLabel(c.status),
        percentLabel: c.score === null ? '—' : `${percent(c.score)}%`,
        capText: c.cappedBy ? capText(c.cappedBy) : '',
        controlsText: c.controls.join(', ') || (c.status === 'excluded' ? `Excluded: ${c.excludedReason}` : '—'),
      })),
  }));
}

/** e.g. "capped by key control ACC-03 at 0%", shown after the capped status ("Gap (capped by …)") */
function capText(cap: CriterionCap): string {
  return `capped by key control ${cap.control} at ${percent(cap.score) ?? 0}%`;
}

function counts(a: Assessment) {
  const inScope = a.criteria.filter((c) => c.inScope);
  const n = (s: Status) => inScope.filter((c) => c.status === s).length;
  return {
    criteriaInScope: inScope.length,
    ready: n('ready'),
    partial: n('partial'),
    gap: n('gap'),
    unmapped: n('unmapped'),
    excluded: n('excluded'),
    notApplicable: n('not-applicable'),
    controls: a.controls.length,
    gaps: a.gaps.length,
    notSure: a.notSure.length,
    unanswered: a.unanswered.length,
    /** The unknowns as a phrase with the right plurals, e.g. `1 answer "Not sure", 20 questions unanswered`. */
    answersText: `${plural(a.controls.length, 'control', 'controls')} assessed, ${a.gaps.length} below ready, ${plural(a.notSure.length, 'answer', 'answers')} "Not sure", ${plural(a.unanswered.length, 'question', 'questions')} unanswered`,
  };
}

function gapView(g: ControlResult, rank: number, titles: Map<string, string>) {
  return {
    rank,
    id: g.id,
    title: g.control.title,
    percentLabel: `${percent(g.score)}%`,
    status: g.status,
    statusLabel: statusLabel(g.status),
    weight: g.control.weight,
    owner: g.control.owner ?? 'Unassigned',
    frequency: g.control.frequency ?? '',
    criteriaText: g.criteria.map((id) => `${id} ${titles.get(id) ?? ''}`.trim()).join('; '),
    criteriaIds: g.criteria.join(', '),
    key: g.key ?? false,
    remediation: oneLine(g.control.remediation ?? DEFAULT_STEP),
    /** The chosen answer's next step, else the remediation. */
    next: oneLine(g.next ?? g.control.remediation ?? DEFAULT_STEP),
    evidence: g.control.evidence,
    findings: g.questions
      .filter((q) => q.score !== undefined && q.score < 1)
      .map((q) => ({
        text: q.text,
        answer: q.state === 'unanswered' ? 'Unanswered' : (q.label ?? q.value ?? ''),
        note: q.note,
      })),
  };
}

const DEFAULT_STEP = 'Define and implement this control, then collect evidence that it operates.';
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function questionView(q: QuestionResult, controlTitles: Map<string, string>) {
  return {
    id: q.id,
    controlId: q.controlId,
    controlTitle: controlTitles.get(q.controlId) ?? '',
    text: q.text,
    note: q.note,
    reason: q.reason,
    value: q.value,
  };
}
