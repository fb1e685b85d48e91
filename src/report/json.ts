/** The stable machine contract of `report --format json`. Keys are added, never renamed. */
import { percent, type Assessment, type CriterionCap, type QuestionResult } from '../scoring.js';
import { NO_SCOPE, type ReportMeta } from './view.js';
import { scopeModel, type ScopeModel } from './scope-model.js';
import { auditJson } from '../engagement/json.js';

export const REPORT_JSON_VERSION = 2;

/** The system description, why each optional category is in or out, subservice organisations, CUECs. */
function scopeJson(model: ScopeModel) {
  return {
    system: model.system,
    scoping: model.categories.map((c) => ({
      category: c.id,
      inScope: c.inScope,
      recommended: c.recommended,
      reasons: c.reasons,
    })),
    subservice: model.subservice.map((s) => ({
      name: s.name,
      services: s.services,
      method: s.method,
      criteria: s.criteria.map((c) => ({ id: c.id, status: c.status, score: percent(c.score) })),
      csocs: s.csocs,
      monitoredBy: s.monitoredBy.map((m) => ({ control: m.id, status: m.status, score: percent(m.score) })),
    })),
    cuecs: model.cuecs,
  };
}

const cap = (c: CriterionCap) => ({ control: c.control, status: c.status, score: percent(c.score) });

export function toReportJson(a: Assessment, meta: ReportMeta) {
  const question = (q: QuestionResult) => ({
    question: q.id,
    control: q.controlId,
    text: q.text,
    value: q.value ?? null,
    note: q.note ?? null,
    reason: q.reason ?? null,
  });
  return {
    /** The contract's version: 2 added criteriaAtRisk, cappedBy, key, gateScore, next, system, subservice, cuecs. */
    version: REPORT_JSON_VERSION,
    tool: meta.tool,
    generatedAt: meta.generatedAt,
    organization: meta.organization ?? null,
    answersFile: meta.answersFile,
    controls: meta.controlsSource,
    scope: a.categories.filter((c) => c.inScope).map((c) => c.id),
    thresholds: a.thresholds,
    overall: { score: percent(a.overall.score), status: a.overall.status, cappedBy: a.overall.cappedBy ?? [] },
    categories: a.categories.map((c) => ({
      id: c.id,
      name: c.name,
      inScope: c.inScope,
      score: percent(c.score),
      status: c.status,
      cappedBy: c.cappedBy ?? [],
    })),
    criteriaAtRisk: a.criteriaAtRisk.map((c) => ({
      id: c.id,
      status: c.status,
      score: percent(c.score),
      cappedBy: c.cappedBy ? cap(c.cappedBy) : null,
      drivers: c.drivers,
    })),
    criteria: a.criteria.map((c) => ({
      id: c.id,
      category: c.category,
      series: c.series,
      inScope: c.inScope,
      status: c.status,
      score: percent(c.score),
      controls: c.controls,
      cappedBy: c.cappedBy ? cap(c.cappedBy) : null,
    })),
    gaps: a.gaps.map((g) => ({
      control: g.id,
      title: g.control.title,
      score: percent(g.score),
      status: g.status,
      weight: g.control.weight,
      key: g.key ?? false,
      gateScore: percent(g.gateScore ?? null),
      owner: g.control.owner ?? null,
      criteria: g.criteria,
      remediation: g.control.remediation?.replace(/\s+/g, ' ').trim() ?? null,
      next: g.next?.replace(/\s+/g, ' ').trim() ?? null,
      evidence: g.control.evidence,
    })),
    notSure: a.notSure.map(question),
    unanswered: a.unanswered.map(question),
    notApplicable: a.notApplicable.map(question),
    invalidAnswers: a.invalid.map(question),
    excluded: a.excluded.map((e) => ({ criterion: e.criterion, reason: e.reason })),
    staleAnswers: meta.staleAnswers,
    ...scopeJson(scopeModel(a, meta.scope ?? NO_SCOPE)),
    ...(meta.audit ? { engagement: auditJson(meta.audit) } : {}),
  };
}
