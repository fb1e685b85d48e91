/**
 * The answers file while `assess` runs: the one owner of the document. The command asks; the session
 * records each answer and saves the whole file atomically right away, so an interrupted run loses
 * nothing and the next run resumes where this one stopped.
 */
import type { AnswersDocument } from '../answers.js';
import { AnswersWriter } from '../answers-writer.js';
import type { EvidenceRef } from '../evidence/references.js';
import type { OperatingHistory } from '../engagement/operations.js';
import { planControls, type Answer } from '../questionnaire/plan.js';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../runtime/fs-atomic.js';
import { MAX_INPUT_BYTES } from '../runtime/read-file.js';
import type { Workspace } from './workspace.js';

/** The document as the command may read it; it changes only through the session. */
export type RecordedAnswers = Readonly<Omit<AnswersDocument, 'scope' | 'scoping' | 'answers'>> & {
  readonly scope: readonly string[];
  readonly scoping: Readonly<Record<string, string>>;
  readonly answers: Readonly<Record<string, Answer>>;
};

export class AnswersSession {
  private writer: AnswersWriter | undefined;

  constructor(
    private readonly ws: Workspace,
    private readonly now: () => string,
  ) {}

  get doc(): RecordedAnswers {
    return this.ws.doc;
  }

  setOrganization(name: string): void {
    this.ws.doc.organization = name;
    this.save();
  }

  /** One scoping question's answer (yes, no or not-sure). */
  setScoping(questionId: string, value: string): void {
    this.ws.doc.scoping[questionId] = value;
    this.save();
  }

  /** The categories in scope, in catalog order. */
  setScope(categoryIds: readonly string[]): void {
    this.ws.doc.scope = [...categoryIds];
    this.save();
  }

  answer(questionId: string, answer: Answer): void {
    this.ws.doc.answers[questionId] = answer;
    this.save();
  }

  /** A note typed for an answered question: saved before the answer is chosen again (Ctrl-C keeps it). */
  setNote(questionId: string, note: string | undefined): void {
    const current = this.ws.doc.answers[questionId];
    if (!current) return;
    this.ws.doc.answers[questionId] = { ...current, note };
    this.save();
  }

  /** One more evidence reference for a control. */
  addEvidence(controlId: string, entry: EvidenceRef): void {
    const { evidence } = this.ws.doc;
    this.ws.doc.evidence = { ...evidence, [controlId]: [...(evidence?.[controlId] ?? []), entry] };
    this.save();
  }

  /** A control's operating history (the block `assess` asks when an engagement is set). */
  setOperations(controlId: string, history: OperatingHistory): void {
    this.ws.doc.operations = { ...this.ws.doc.operations, [controlId]: history };
    this.save();
  }

  /**
   * Does the first save's work ahead of it (writing the text of every answer on file), so the first
   * answer is saved as fast as the later ones. For idle time, e.g. while the first question waits.
   */
  prepare(): void {
    this.fileWriter().prepare(this.ws.doc);
  }

  private save(): void {
    this.ws.doc.updated = this.now();
    const text = this.fileWriter().text(this.ws.doc);
    // Never write a file this tool would then refuse to read.
    if (Buffer.byteLength(text) > MAX_INPUT_BYTES)
      throw new UsageError(
        `Not saving ${this.ws.answersDisplay}: it would be over the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit for answers files; the file on disk is unchanged.`,
        'Shorten the longest notes (keep long evidence in documents and link to them).',
      );
    writeFileAtomic(this.ws.answersPath, text, { shown: this.ws.answersDisplay });
  }

  /** Answers in questionnaire order over all categories, so the file's order never depends on scope. */
  private fileWriter(): AnswersWriter {
    const { catalog, controls, content } = this.ws;
    this.writer ??= new AnswersWriter(
      planControls(catalog, controls, new Set(catalog.categories.map((c) => c.id)), content).flatMap((p) =>
        p.questions.map((q) => q.id),
      ),
    );
    return this.writer;
  }
}
