/** Asks one control question: choices from the control, plus Not sure, Not applicable, hints and a note. */
import type { Criterion } from '../catalog/types.js';
import { NOT_APPLICABLE, NOT_SURE, type Answer, type PlannedQuestion } from '../questionnaire/plan.js';
import { inert } from '../text/terminal.js';
import type { Painter } from './print.js';
import type { Prompter, SelectChoice } from './prompter.js';

const HINTS = '__hints';
const NOTE = '__note';
const EVIDENCE = '__evidence';

export interface QuestionContext {
  item: PlannedQuestion;
  position: { answered: number; total: number };
  criteria: ReadonlyMap<string, Criterion>;
  current?: Answer;
  paint: Painter;
  /** Where hints are printed (the prompt stream). */
  write: (text: string) => void;
  now: () => string;
  /** Records an evidence reference for the question's control; the choice is offered when given. */
  addEvidence?: () => Promise<void>;
  /** How many references the control has already. */
  evidenceCount?: () => number;
  /** Called as soon as a note is typed, so it can be saved before the answer is chosen. */
  onNote?: (note: string | undefined) => void;
}

export function questionHeader(ctx: Pick<QuestionContext, 'item' | 'position' | 'paint'>): string {
  const { item, position, paint } = ctx;
  const number = Math.min(position.answered + 1, position.total);
  const percent = position.total === 0 ? 100 : Math.floor((position.answered / position.total) * 100);
  const progress = paint.dim(`${inert(item.planned.series)} · question ${number} of ${position.total} · ${percent}%`);
  const control = item.planned.control;
  const serves = paint.dim(`serves ${inert(item.planned.inScopeCriteria.join(', '))}`);
  return `${progress}\n${paint.bold(`${inert(control.id)} ${inert(control.title)}`)} ${serves}\n${inert(item.question.text)}`;
}

export async function askQuestion(prompter: Prompter, ctx: QuestionContext): Promise<Answer> {
  const { question } = ctx.item;
  let note = ctx.current?.note;
  for (;;) {
    const choices: (SelectChoice<string> | 'separator')[] = [
      ...question.choices.map((c) => ({ name: c.label, value: c.value })),
      'separator',
      {
        name: 'Not sure',
        value: NOT_SURE,
        description: 'Counts as not ready and is listed separately, so it gets checked.',
      },
      // A key control is never "not applicable": its questions do not offer it.
      ...(ctx.item.planned.control.key
        ? []
        : [
            {
              name: 'Not applicable…',
              value: NOT_APPLICABLE,
              description: 'Asks for the reason, which the report shows.',
            },
          ]),
      { name: 'Show hints (points of focus)', value: HINTS },
      { name: note ? `Edit the note (${note})` : 'Add a note…', value: NOTE },
      ...(ctx.addEvidence ? [evidenceChoice(ctx.evidenceCount?.() ?? 0)] : []),
    ];
    const value = await prompter.select(questionHeader(ctx), choices, ctx.current?.value);
    if (value === HINTS) {
      ctx.write(hintsText(ctx));
      continue;
    }
    if (value === EVIDENCE) {
      await ctx.addEvidence!();
      continue;
    }
    if (value === NOTE) {
      note = (await prompter.input('Note (leave empty to remove):', { default: note })).trim() || undefined;
      ctx.onNote?.(note);
      continue;
    }
    const answer: Answer = { value, at: ctx.now() };
    if (value === NOT_APPLICABLE) answer.reason = await askReason(prompter, ctx.current?.reason);
    if (note) answer.note = note;
    return answer;
  }
}

function evidenceChoice(count: number): SelectChoice<string> {
  return {
    name: `Add evidence for this control (file, URL or ticket)…${count > 0 ? ` (${count} recorded)` : ''}`,
    value: EVIDENCE,
    description: 'Where the proof is kept; `soc2-ready verify` checks it.',
  };
}

/** A reason of spaces only is no reason: it would be saved empty, so it is asked again. */
async function askReason(prompter: Prompter, current: string | undefined): Promise<string> {
  for (;;) {
    const reason = (await prompter.input('Why does this not apply?', { default: current, required: true })).trim();
    if (reason !== '') return reason;
  }
}

function hintsText(ctx: QuestionContext): string {
  const { planned, question } = ctx.item;
  const lines: string[] = [];
  if (question.help) lines.push(inert(question.help, { keepNewlines: true }));
  if (planned.control.description) lines.push(inert(planned.control.description.trim(), { keepNewlines: true }));
  for (const id of planned.inScopeCriteria) {
    const criterion = ctx.criteria.get(id);
    if (!criterion) continue;
    lines.push(ctx.paint.bold(`${inert(id)} ${inert(criterion.title)}`));
    lines.push(...criterion.pointsOfFocus.map((p) => `  · ${inert(p)}`));
  }
  lines.push(ctx.paint.dim('Points of focus are prompts in our own words, not scored requirements.'));
  return `\n${lines.join('\n')}\n\n`;
}
