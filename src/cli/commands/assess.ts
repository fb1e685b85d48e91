/** `assess`: the interactive questionnaire. Saves after every answer; resumes where it stopped. */
import { InterruptedError, UsageError } from '../../errors.js';
import { checkWriteTarget } from '../../runtime/fs-atomic.js';
import { lockAnswersFile } from '../../runtime/answers-lock.js';
import { inert, shellWord } from '../../text/terminal.js';
import { recommendedScope } from '../../questionnaire/content.js';
import {
  applies,
  nextUnanswered,
  planControls,
  progress,
  staleAnswerIds,
  type PlannedControl,
} from '../../questionnaire/plan.js';
import { AnswersSession } from '../../project/answers-session.js';
import { assessWorkspace, loadWorkspace, scopeOf, type Workspace } from '../../project/workspace.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import type { Painter } from '../print.js';
import type { Prompter } from '../prompter.js';

export interface AssessOptions {
  answers?: string;
  controls?: string;
  config?: string;
  review?: boolean;
  rescope?: boolean;
  category?: string;
  control?: string;
  color?: boolean;
}

export interface AssessDeps {
  prompter?: Prompter;
  now?: () => string;
  /** Tests drive assess with an injected prompter and no terminal. */
  requireTerminal?: boolean;
}

export async function runAssess(options: AssessOptions, io: Io, deps: AssessDeps = {}): Promise<ExitCode> {
  if (deps.requireTerminal !== false) assertInteractive(io);
  const now = deps.now ?? (() => new Date().toISOString());
  const load = () => loadWorkspace({ ...options, cwd: io.cwd, now: now(), mustExist: false });
  const first = load();
  // Before the first question: the answers file must be writable, and no other assess may edit it.
  checkWriteTarget(first.answersPath, { shown: first.answersDisplay });
  const lock = lockAnswersFile(first.answersPath, first.answersDisplay);
  try {
    // Read again under the lock: another session may have saved since the first read.
    return await assessLocked(load(), options, io, deps, now);
  } finally {
    lock.release();
  }
}

async function assessLocked(
  ws: Workspace,
  options: AssessOptions,
  io: Io,
  deps: AssessDeps,
  now: () => string,
): Promise<ExitCode> {
  const { painter } = await import('../print.js');
  const paint = painter(colorLevel(io.stderr, io.env, options.color));
  const resumeHint = `Your answers are saved in ${ws.answersDisplay}. Run \`soc2-ready assess${ws.answersDisplay === 'soc2-answers.yaml' ? '' : ` --answers ${shellWord(ws.answersDisplay)}`}\` to continue.`;
  const prompter = deps.prompter ?? (await import('../prompter.js')).inquirerPrompter(resumeHint, io);
  const say = (text: string) => io.stderr.write(text);
  say(
    ws.existed
      ? paint.dim(`Resuming ${ws.answersDisplay}.\n`)
      : paint.dim(`Answers will be saved to ${ws.answersDisplay} after every answer.\n`),
  );
  const session = new AnswersSession(ws, now);
  // While the first question waits, write the text of the answers on file, so the first save is quick.
  prompter.whenWaiting?.(() => session.prepare());
  if (!session.doc.organization)
    session.setOrganization((await prompter.input('Organization name:', { required: true })).trim());
  if (!ws.existed || options.rescope) await askScope(ws, session, prompter, paint, say);
  for (const note of ws.notes) say(paint.yellow(`${inert(note)}\n`));
  reportStale(ws, paint, say);
  await walkQuestions(ws, session, options, prompter, paint, say, now);
  const assessment = assessWorkspace(ws);
  say((await import('../key-warnings.js')).keyNotApplicableWarnings(assessment, ws.answersDisplay));
  const { renderSummary } = await import('../summary-text.js');
  const file = ws.answersDisplay;
  io.stdout.write(
    `\n${renderSummary(assessment, colorLevel(io.stdout, io.env, options.color), {
      organization: session.doc.organization,
      nextSteps: [
        `soc2-ready report --answers ${shellWord(file)} --format html -o soc2-readiness.html`,
        `soc2-ready assess --review${file === 'soc2-answers.yaml' ? '' : ` --answers ${shellWord(file)}`}   # change answers`,
      ],
    })}`,
  );
  return ExitCode.ok;
}

function assertInteractive(io: Io): void {
  if (!io.stdin.isTTY || !io.stdout.isTTY || (io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== 'false')) {
    throw new UsageError(
      'assess asks questions and needs a terminal (stdin and stdout must be a TTY, and CI must not be set).',
      'Run it in a terminal, or render an existing answers file with `soc2-ready report --answers <file>`.',
    );
  }
}

async function askScope(
  ws: Workspace,
  session: AnswersSession,
  prompter: Prompter,
  paint: Painter,
  say: (t: string) => void,
): Promise<void> {
  say(
    `\n${paint.bold('Scope')} ${paint.dim('— Security is always in scope. A few questions recommend the optional categories; you decide.')}\n`,
  );
  for (const category of ws.content.scoping) {
    for (const q of category.questions) {
      const value = await prompter.select(
        q.text,
        [
          { name: 'Yes', value: 'yes' },
          { name: 'No', value: 'no' },
          { name: 'Not sure', value: 'not-sure' },
        ],
        session.doc.scoping[q.id],
      );
      session.setScoping(q.id, value);
    }
  }
  const recommended = new Set(recommendedScope(ws.content, session.doc.scoping));
  const optional = ws.catalog.categories.filter((c) => c.optional);
  const why = new Map(ws.content.scoping.map((s) => [s.category, s.why]));
  for (const c of optional)
    if (recommended.has(c.id))
      say(`${paint.green('recommended')} ${paint.bold(c.name)}: ${paint.dim((why.get(c.id) ?? c.summary).trim())}\n`);
  const chosen = await prompter.checkbox(
    'Optional categories in scope (Security is always included):',
    optional.map((c) => ({
      name: `${c.name}${recommended.has(c.id) ? ' (recommended)' : ''}`,
      value: c.id,
      checked: recommended.has(c.id) || session.doc.scope.includes(c.id),
    })),
  );
  session.setScope(ws.catalog.categories.filter((c) => !c.optional || chosen.includes(c.id)).map((c) => c.id));
}

function reportStale(ws: Workspace, paint: Painter, say: (t: string) => void): void {
  const stale = staleAnswerIds(ws.controls, ws.doc.answers, ws.content);
  if (stale.length === 0) return;
  say(
    paint.yellow(
      `${stale.length} answer(s) belong to questions that no longer exist in the controls; they are kept and not scored: ${inert(stale.join(', '))}\n`,
    ),
  );
}

async function walkQuestions(
  ws: Workspace,
  session: AnswersSession,
  options: AssessOptions,
  prompter: Prompter,
  paint: Painter,
  say: (t: string) => void,
  now: () => string,
): Promise<void> {
  const scope = scopeOf(ws);
  checkFilter(ws, options, scope);
  const plan = planControls(ws.catalog, ws.controls, scope, ws.content, {
    category: options.category,
    control: options.control,
  });
  const [{ askQuestion }, { askEvidence }] = await Promise.all([
    import('../assess-question.js'),
    import('../assess-evidence.js'),
  ]);
  const criteria = new Map(ws.catalog.criteria.map((c) => [c.id, c]));
  const ask = async (item: NonNullable<ReturnType<typeof nextUnanswered>>) => {
    const id = item.question.id;
    let unsavedNote: string | undefined;
    // With an answer on file a typed note is saved at once; without one it is shown again on Ctrl-C.
    const onNote = (note: string | undefined) => {
      if (session.doc.answers[id]) session.setNote(id, note);
      else unsavedNote = note;
    };
    try {
      const answer = await askQuestion(prompter, {
        item,
        position: progress(plan, session.doc.answers),
        criteria,
        current: session.doc.answers[id],
        paint,
        write: say,
        now,
        onNote,
        addEvidence: async () => {
          const entry = await askEvidence(ws, item.planned.control.id, { prompter, paint, say, now });
          if (entry) session.addEvidence(item.planned.control.id, entry);
        },
        evidenceCount: () => session.doc.evidence?.[item.planned.control.id]?.length ?? 0,
      });
      session.answer(id, answer);
    } catch (cause) {
      if (cause instanceof InterruptedError && unsavedNote)
        throw new InterruptedError(
          `${cause.resumeHint}\nThe note you typed for ${inert(id)} is not saved (no answer was chosen yet): ${inert(unsavedNote)}`,
        );
      throw cause;
    }
  };
  const history = await operationsAsker(ws, session, prompter, paint, say, now);
  if (options.review) {
    for (const planned of plan) {
      for (const question of planned.questions)
        if (applies(question, session.doc.answers)) await ask({ planned, question });
      await history(planned, true);
    }
    return;
  }
  // Control by control: its unanswered questions, then (with an engagement) its operating history.
  for (const planned of plan) {
    for (
      let item = nextUnanswered([planned], session.doc.answers);
      item;
      item = nextUnanswered([planned], session.doc.answers)
    )
      await ask(item);
    await history(planned, false);
  }
  if (plan.length > 0)
    say(
      paint.green(
        `All ${plan.reduce((n: number, p: PlannedControl) => n + p.questions.length, 0)} questions of this walk are answered.\n`,
      ),
    );
}

/**
 * Asks a control's operating-history block when an engagement is set, the block is not finished
 * (or --review), and the control is at least partly in place (a control scoring 0 has no history).
 */
async function operationsAsker(
  ws: Workspace,
  session: AnswersSession,
  prompter: Prompter,
  paint: Painter,
  say: (t: string) => void,
  now: () => string,
) {
  if (!ws.config.engagement) return async () => {};
  const [{ askOperations }, { scoreControl }] = await Promise.all([
    import('../assess-operations.js'),
    import('../../scoring.js'),
  ]);
  return async (planned: PlannedControl, review: boolean) => {
    const { control } = planned;
    const current = session.doc.operations?.[control.id];
    if (current?.at !== undefined && !review) return;
    if (scoreControl(planned, session.doc.answers, ws.config.thresholds).score === 0) return;
    await askOperations(
      prompter,
      {
        controlId: control.id,
        title: control.title,
        frequency: current?.frequency ?? control.frequency ?? 'continuous',
        current,
        save: (h) => session.setOperations(control.id, h),
        now,
        paint,
        write: say,
      },
      review,
    );
  };
}

function checkFilter(ws: Workspace, options: AssessOptions, scope: Set<string>): void {
  if (options.category !== undefined && !scope.has(options.category)) {
    throw new UsageError(
      `Category "${options.category}" is not in this assessment's scope (${[...scope].join(', ')}).`,
      'Use --rescope to change the scope.',
    );
  }
  if (options.control !== undefined && !ws.controls.some((c) => c.id === options.control)) {
    throw new UsageError(`No control has the id "${options.control}".`);
  }
}
