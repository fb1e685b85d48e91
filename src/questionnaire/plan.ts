import type { Catalog, Control, Question } from '../catalog/types.js';
import type { QuestionnaireContent } from './content.js';
import { controlScopeRule } from '../catalog/control-scope.js';

/** Every question also offers these two; their values are reserved in control files. */
export const NOT_SURE = 'not-sure';
export const NOT_APPLICABLE = 'not-applicable';

export interface Answer {
  value: string;
  /** Optional free-text note from the person answering. */
  note?: string;
  /** Why the question does not apply; required with "not-applicable". */
  reason?: string;
  /** ISO 8601 time of the answer. */
  at?: string;
}

export type Answers = Readonly<Record<string, Answer>>;

export interface PlannedControl {
  control: Control;
  /** The control's own questions, or the default question when it has none. */
  questions: Question[];
  /** The series the control is asked under: that of its first in-scope criterion. */
  series: string;
  /** Index of that criterion in catalog order, for ordering. */
  order: number;
  /** The in-scope criteria it counts towards (see controlScopeRule), in catalog order. */
  inScopeCriteria: string[];
  /** Its home category (see controlScopeRule). */
  home?: string;
}

export interface PlanFilter {
  category?: string;
  control?: string;
}

/** The questions a control is assessed with: its own, or one default "Is this in place?" question. */
export function questionsOf(control: Control, content: Pick<QuestionnaireContent, 'defaultQuestion'>): Question[] {
  if (control.questions.length > 0) return control.questions;
  return [
    { id: `${control.id}.in-place`, text: content.defaultQuestion.text, choices: content.defaultQuestion.choices },
  ];
}

/**
 * The controls to ask about, in catalog order of series: a control is in the plan when at least one of
 * its links counts in this scope (see controlScopeRule). Pure; the same plan drives prompting and scoring.
 */
export function planControls(
  catalog: Catalog,
  controls: readonly Control[],
  scope: ReadonlySet<string>,
  content: Pick<QuestionnaireContent, 'defaultQuestion'>,
  filter: PlanFilter = {},
): PlannedControl[] {
  const index = new Map(catalog.criteria.map((c, i) => [c.id, i]));
  const scopeOf = controlScopeRule(catalog, scope);
  const planned: PlannedControl[] = [];
  for (const control of controls) {
    if (filter.control !== undefined && control.id !== filter.control) continue;
    const { home, counted } = scopeOf(control);
    if (counted.length === 0) continue;
    const first = catalog.criteria[index.get(counted[0]!)!]!;
    if (
      filter.category !== undefined &&
      !counted.some((id) => catalog.criteria[index.get(id)!]!.category === filter.category)
    )
      continue;
    planned.push({
      control,
      questions: questionsOf(control, content),
      series: first.series,
      order: index.get(first.id)!,
      inScopeCriteria: counted,
      home,
    });
  }
  // Stable sort: controls sharing a first criterion keep their file order.
  return planned.sort((a, b) => a.order - b.order);
}

/** Whether a question applies given the answers so far (its `when` condition, if any, is met). */
export function applies(question: Question, answers: Answers): boolean {
  if (!question.when) return true;
  const answer = answers[question.when.question];
  return answer !== undefined && question.when.in.includes(answer.value);
}

export interface PlannedQuestion {
  planned: PlannedControl;
  question: Question;
}

/** The questions that apply now, in order (follow-ups appear once their condition is met). */
export function applicableQuestions(plan: readonly PlannedControl[], answers: Answers): PlannedQuestion[] {
  return plan.flatMap((planned) =>
    planned.questions.filter((q) => applies(q, answers)).map((question) => ({ planned, question })),
  );
}

/**
 * Whether an answer still fits its question: one of its choices, "Not sure", or "Not applicable"
 * with a reason. One that no longer fits (a renamed choice, a blank reason) is asked again.
 */
export function answerFits(question: Question, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (answer.value === NOT_SURE) return true;
  if (answer.value === NOT_APPLICABLE) return (answer.reason ?? '').trim() !== '';
  return question.choices.some((c) => c.value === answer.value);
}

/** The next question to ask: the first applicable one without an answer that fits (undefined when done). */
export function nextUnanswered(plan: readonly PlannedControl[], answers: Answers): PlannedQuestion | undefined {
  for (const planned of plan) {
    for (const question of planned.questions) {
      if (applies(question, answers) && !answerFits(question, answers[question.id])) return { planned, question };
    }
  }
  return undefined;
}

/** Answers whose question no longer exists in the controls: kept in the file, reported, never scored. */
export function staleAnswerIds(
  controls: readonly Control[],
  answers: Answers,
  content: Pick<QuestionnaireContent, 'defaultQuestion'>,
): string[] {
  const known = new Set(controls.flatMap((c) => questionsOf(c, content).map((q) => q.id)));
  return Object.keys(answers).filter((id) => !known.has(id));
}

/**
 * Numbers for the progress line: answered questions, and every question that applies or still could
 * (its condition's question is unanswered), so the total only shrinks as follow-ups are ruled out.
 */
export function progress(plan: readonly PlannedControl[], answers: Answers): { answered: number; total: number } {
  const open = (q: Question) => !q.when || answers[q.when.question] === undefined || applies(q, answers);
  const counted = plan.flatMap((p) => p.questions.filter(open));
  const answered = counted.filter((q) => answerFits(q, answers[q.id])).length;
  return { answered, total: counted.length };
}
