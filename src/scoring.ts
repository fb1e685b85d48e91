/**
 * Readiness scoring. Pure: catalog, planned controls, answers and scope in; an Assessment out.
 * Scores are fractions in [0, 1]; reports show floor(score × 100) % so readiness is never overstated.
 */
import type { Catalog } from './catalog/types.js';
import type { Exclusion } from './catalog/rules.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './config.js';
import { applies, NOT_APPLICABLE, NOT_SURE, type Answers, type PlannedControl } from './questionnaire/plan.js';

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
}

export interface ControlResult {
  id: string;
  title: string;
  weight: number;
  owner?: string;
  frequency?: string;
  remediation?: string;
  evidence: string[];
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
}

export interface CategoryResult {
  id: string;
  name: string;
  inScope: boolean;
  score: number | null;
  status: Status;
  criteria: number;
}

export interface Assessment {
  overall: { score: number | null; status: Status };
  categories: CategoryResult[];
  criteria: CriterionResult[];
  controls: ControlResult[];
  /** Controls below "ready", most important first: weight, then lowest readiness, then catalog order. */
  gaps: ControlResult[];
  notSure: QuestionResult[];
  unanswered: QuestionResult[];
  notApplicable: QuestionResult[];
  /** Answers whose value is not a choice of the question (e.g. the control file changed). */
  invalid: QuestionResult[];
  excluded: Exclusion[];
  thresholds: Thresholds;
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
): QuestionResult {
  const base = { id: question.id, controlId, text: question.text };
  if (!applies(question, answers)) return { ...base, state: 'not-asked' };
  const answer = answers[question.id];
  if (!answer) return { ...base, state: 'unanswered', score: 0 };
  const extra = { value: answer.value, note: answer.note, reason: answer.reason };
  if (answer.value === NOT_SURE) return { ...base, ...extra, state: 'not-sure', label: 'Not sure', score: 0 };
  if (answer.value === NOT_APPLICABLE) return { ...base, ...extra, state: 'not-applicable', label: 'Not applicable' };
  const choice = question.choices.find((c) => c.value === answer.value);
  if (!choice) return { ...base, ...extra, state: 'invalid', score: 0 };
  return { ...base, ...extra, state: 'answered', label: choice.label, score: choice.score };
}

export function scoreControl(planned: PlannedControl, answers: Answers, t: Thresholds): ControlResult {
  const { control } = planned;
  const questions = planned.questions.map((q) => scoreQuestion(q, control.id, answers));
  const counted = questions.filter((q) => q.score !== undefined).map((q) => q.score!);
  const score = counted.length === 0 ? null : counted.reduce((a, b) => a + b, 0) / counted.length;
  return {
    id: control.id,
    title: control.title,
    weight: control.weight,
    owner: control.owner,
    frequency: control.frequency,
    remediation: control.remediation,
    evidence: control.evidence,
    series: planned.series,
    criteria: planned.inScopeCriteria,
    score,
    status: score === null ? 'not-applicable' : statusOf(score, t),
    questions,
  };
}

export function assess(input: ScoringInput): Assessment {
  const t = input.thresholds ?? DEFAULT_THRESHOLDS;
  const controls = input.plan.map((p) => scoreControl(p, input.answers, t));
  const criteria = scoreCriteria(input, controls, t);
  const categories = input.catalog.categories.map((c) =>
    aggregate(
      c.id,
      c.name,
      input.scope.has(c.id),
      criteria.filter((r) => r.category === c.id),
      t,
    ),
  );
  const overallCategory = aggregate(
    'overall',
    'Overall',
    true,
    criteria.filter((r) => r.inScope),
    t,
  );
  const questions = controls.flatMap((c) => c.questions);
  const rank = new Map(input.plan.map((p, i) => [p.control.id, i]));
  return {
    overall: { score: overallCategory.score, status: overallCategory.status },
    categories,
    criteria,
    controls,
    gaps: controls
      .filter((c) => c.status === 'gap' || c.status === 'partial')
      .sort((a, b) => b.weight - a.weight || a.score! - b.score! || rank.get(a.id)! - rank.get(b.id)!),
    notSure: questions.filter((q) => q.state === 'not-sure'),
    unanswered: questions.filter((q) => q.state === 'unanswered'),
    notApplicable: questions.filter((q) => q.state === 'not-applicable'),
    invalid: questions.filter((q) => q.state === 'invalid'),
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
    const weight = scored.reduce((a, c) => a + c.weight, 0);
    const score = scored.reduce((a, c) => a + c.weight * c.score!, 0) / weight;
    return { ...base, inScope, status: statusOf(score, t), score };
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
