/**
 * Readiness scoring. Pure: catalog, planned controls, answers and scope in; an Assessment out.
 * Scores are fractions in [0, 1]; reports show floor(score × 100) % so readiness is never overstated.
 */
import type { Catalog, Control } from './catalog/types.js';
import type { Exclusion } from './catalog/rules.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './config.js';
import { capByCriteria, capByKeyControls, criteriaAtRisk, orderGaps } from './scoring/verdict.js';
import {
  answerFits,
  applies,
  NOT_APPLICABLE,
  NOT_SURE,
  type Answers,
  type PlannedControl,
} from './questionnaire/plan.js';

export type Status = 'ready' | 'partial' | 'gap' | 'unmapped' | 'not-applicable' | 'excluded' | 'out-of-scope';
export type QuestionState = 'answered' | 'not-sure' | 'not-applicable' | 'unanswered' | 'not-asked' | 'invalid';

export interface QuestionResult {
  id: string;
  controlId: string;
  text: string;
  state: QuestionState;
  value?: string;
  label?: string;
  /** undefined when the question does not count (not applicable, or its condition is not met). */
  score?: number;
  note?: string;
  reason?: string;
  /** The chosen choice's `next` (what to do from this answer). */
  next?: string;
  /** This question is its control's gate. */
  gate?: boolean;
}

/** A scored control: the control itself (title, weight, owner, remediation, evidence…) plus what scoring found. */
export interface ControlResult {
  id: string;
  control: Control;
  /** The step to take from here: the `next` of the weakest chosen answer that has one, else `remediation`. */
  next?: string;
  /** A key control caps the status of every criterion it counts towards. Always set by scoreControl. */
  key?: boolean;
  /** The gate question's score; null when it does not count (not applicable or not asked). Always set by scoreControl. */
  gateScore?: number | null;
  series: string;
  /** In-scope criteria, catalog order. */
  criteria: string[];
  /** null when every question is not applicable. */
  score: number | null;
  status: Status;
  questions: QuestionResult[];
}

export interface CriterionResult {
  id: string;
  title: string;
  category: string;
  series: string;
  inScope: boolean;
  status: Status;
  score: number | null;
  /** Ids of the planned controls mapped to it. */
  controls: string[];
  excludedReason?: string;
  /** The key control that lowered the status (the weakest one), when it did. */
  cappedBy?: CriterionCap;
}

export interface CriterionCap {
  control: string;
  status: Status;
  score: number | null;
}

export interface CategoryResult {
  id: string;
  name: string;
  inScope: boolean;
  score: number | null;
  status: Status;
  criteria: number;
  /** In-scope criteria below ready that hold the status at partial or lower, when they did. */
  cappedBy?: string[];
}

export interface Assessment {
  overall: { score: number | null; status: Status; cappedBy?: string[] };
  categories: CategoryResult[];
  criteria: CriterionResult[];
  controls: ControlResult[];
  /**
   * Controls below "ready", most important first: the risk of the criteria they hold back (key controls
   * of gap criteria first), then weight, then lowest readiness, then catalog order.
   */
  gaps: ControlResult[];
  /** In-scope criteria below ready, worst first, with the controls that drive them. */
  criteriaAtRisk: CriterionAtRisk[];
  /** "Not applicable" answers to questions of key controls: not allowed, counted as not ready. */
  keyNotApplicable: QuestionResult[];
  notSure: QuestionResult[];
  unanswered: QuestionResult[];
  notApplicable: QuestionResult[];
  /** Answers whose value is not a choice of the question (e.g. the control file changed). */
  invalid: QuestionResult[];
  excluded: Exclusion[];
  thresholds: Thresholds;
}

export interface CriterionAtRisk {
  id: string;
  title: string;
  status: Status;
  score: number | null;
  cappedBy?: CriterionCap;
  /** Controls below ready that count towards it, in gap order. */
  drivers: string[];
}

export interface ScoringInput {
  catalog: Catalog;
  /** The unfiltered plan for the scope (see planControls). */
  plan: readonly PlannedControl[];
  answers: Answers;
  scope: ReadonlySet<string>;
  exclusions?: readonly Exclusion[];
  thresholds?: Thresholds;
}

export function statusOf(score: number, t: Thresholds): Status {
  const percent = Math.floor(score * 100 + 1e-9);
  return percent >= t.ready ? 'ready' : percent >= t.partial ? 'partial' : 'gap';
}

export function scoreQuestion(
  question: PlannedControl['questions'][number],
  controlId: string,
  answers: Answers,
  key = false,
): QuestionResult {
  const base = { id: question.id, controlId, text: question.text };
  if (!applies(question, answers)) return { ...base, state: 'not-asked' };
  const answer = answers[question.id];
  if (!answer) return { ...base, state: 'unanswered', score: 0 };
  const extra = { value: answer.value, note: answer.note, reason: answer.reason };
  if (answer.value === NOT_SURE) return { ...base, ...extra, state: 'not-sure', label: 'Not sure', score: 0 };
  if (answer.value === NOT_APPLICABLE) {
    // A key control is never "not applicable": the answer is kept, listed, and counts as not ready.
    if (key)
      return { ...base, ...extra, state: 'invalid', label: 'Not applicable (not allowed: key control)', score: 0 };
    // Without a reason it no longer fits: listed, asked again by assess, never refused.
    if (!answerFits(question, answer))
      return { ...base, ...extra, state: 'invalid', label: 'Not applicable (no reason given)', score: 0 };
    return { ...base, ...extra, state: 'not-applicable', label: 'Not applicable' };
  }
  const choice = question.choices.find((c) => c.value === answer.value);
  if (!choice) return { ...base, ...extra, state: 'invalid', score: 0 };
  const next = choice.next === undefined ? {} : { next: choice.next };
  return { ...base, ...extra, ...next, state: 'answered', label: choice.label, score: choice.score };
}

/**
 * Control score = min(gate score, mean of the counted questions). The gate is the question marked
 * `gate: true`, else the first; a gate that does not count (not applicable, not asked) caps nothing.
 */
export function scoreControl(planned: PlannedControl, answers: Answers, t: Thresholds): ControlResult {
  const { control } = planned;
  const key = control.key ?? false;
  const questions = planned.questions.map((q) => scoreQuestion(q, control.id, answers, key));
  questions[gateIndex(planned.questions)]!.gate = true;
  const counted = questions.filter((q) => q.score !== undefined).map((q) => q.score!);
  const mean = counted.length === 0 ? null : counted.reduce((a, b) => a + b, 0) / counted.length;
  const gateScore = questions.find((q) => q.gate)?.score ?? null;
  const score = mean === null || gateScore === null ? mean : Math.min(mean, gateScore);
  const next = nextStep(questions) ?? control.remediation;
  return {
    id: control.id,
    control,
    ...(next !== undefined && { next }),
    key,
    gateScore,
    series: planned.series,
    criteria: planned.inScopeCriteria,
    score,
    status: score === null ? 'not-applicable' : statusOf(score, t),
    questions,
  };
}

/** The gate: the question marked `gate: true`, else the first. */
function gateIndex(questions: PlannedControl['questions']): number {
  return Math.max(
    0,
    questions.findIndex((q) => q.gate),
  );
}

/** The `next` of the weakest chosen answer that carries one (question order breaks ties). */
function nextStep(questions: QuestionResult[]): string | undefined {
  let best: QuestionResult | undefined;
  for (const q of questions) if (q.next !== undefined && (best === undefined || q.score! < best.score!)) best = q;
  return best?.next;
}

export function assess(input: ScoringInput): Assessment {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const controls = input.plan.map((p) => scoreControl(p, input.answers, t));
  const criteria = scoreCriteria(input, controls, t);
  const categories = input.catalog.categories.map((c) => {
    const own = criteria.filter((r) => r.category === c.id);
    return capByCriteria(aggregate(c.id, c.name, input.scope.has(c.id), own, t), own);
  });
  const inScope = criteria.filter((r) => r.inScope);
  const overall = capByCriteria(aggregate('overall', 'Overall', true, inScope, t), inScope);
  const questions = controls.flatMap((c) => c.questions);
  const gaps = orderGaps(controls, criteria);
  return {
    overall: { score: overall.score, status: overall.status, ...(overall.cappedBy && { cappedBy: overall.cappedBy }) },
    categories,
    criteria,
    controls,
    gaps,
    criteriaAtRisk: criteriaAtRisk(criteria, gaps),
    notSure: questions.filter((q) => q.state === 'not-sure'),
    unanswered: questions.filter((q) => q.state === 'unanswered'),
    notApplicable: questions.filter((q) => q.state === 'not-applicable'),
    invalid: questions.filter((q) => q.state === 'invalid'),
    keyNotApplicable: questions.filter((q) => q.state === 'invalid' && q.value === NOT_APPLICABLE),
    excluded: [...(input.exclusions ?? [])],
    thresholds: t,
  };
}

function scoreCriteria(input: ScoringInput, controls: ControlResult[], t: Thresholds): CriterionResult[] {
  const excluded = new Map((input.exclusions ?? []).map((e) => [e.criterion, e.reason]));
  return input.catalog.criteria.map((criterion): CriterionResult => {
    const mapped = controls.filter((c) => c.criteria.includes(criterion.id));
    const base = {
      id: criterion.id,
      title: criterion.title,
      category: criterion.category,
      series: criterion.series,
      controls: mapped.map((c) => c.id),
    };
    const inScope = input.scope.has(criterion.category);
    if (!inScope) return { ...base, inScope, status: 'out-of-scope', score: null };
    if (excluded.has(criterion.id))
      return { ...base, inScope, status: 'excluded', score: null, excludedReason: excluded.get(criterion.id) };
    // The plan holds every control with an in-scope criterion, so no planned control means unmapped.
    if (mapped.length === 0) return { ...base, inScope, status: 'unmapped', score: 0 };
    const scored = mapped.filter((c) => c.score !== null);
    if (scored.length === 0) return { ...base, inScope, status: 'not-applicable', score: null };
    const weight = scored.reduce((a, c) => a + c.control.weight, 0);
    const score = scored.reduce((a, c) => a + c.control.weight * c.score!, 0) / weight;
    return capByKeyControls({ ...base, inScope, status: statusOf(score, t), score }, mapped);
  });
}

function aggregate(
  id: string,
  name: string,
  inScope: boolean,
  criteria: CriterionResult[],
  t: Thresholds,
): CategoryResult {
  if (!inScope) return { id, name, inScope, score: null, status: 'out-of-scope', criteria: criteria.length };
  const scored = criteria.filter((c) => c.score !== null).map((c) => c.score!);
  const score = scored.length === 0 ? null : scored.reduce((a, b) => a + b, 0) / scored.length;
  return {
    id,
    name,
    inScope,
    score,
    status: score === null ? 'not-applicable' : statusOf(score, t),
    criteria: criteria.length,
  };
}

/** Whole percent, rounded down so readiness is never overstated. */
export function percent(score: number | null): number | null {
  return score === null ? null : Math.floor(score * 100 + 1e-9);
}
