/**
 * The answers file's text for a session that saves after every answer: the same bytes as
 * serializeAnswers, but each answer's lines are written once and kept, by the answer object they were
 * written from, so a save writes the one answer that changed and joins the kept lines of the others.
 * The session replaces an answer object whenever it changes one (it never edits one in place), which is
 * what makes the object a safe key. Every kept piece was read back and compared when it was written;
 * when the block writer declines any piece, the save goes to serializeAnswers (and so to yaml).
 *
 * Why: writing (and reading back) all 257 answers of a full questionnaire took 2–3 ms per save, and
 * 10–15 ms for each of the first saves of a session, while the code was still cold.
 */
import {
  ANSWERS_HEADER,
  answerIdsInOrder,
  answersHead,
  answersTail,
  checkedBlockYaml,
  orderedAnswer,
  questionRank,
  serializeAnswers,
  type AnswersDocument,
} from './answers.js';
import type { Answer } from './questionnaire/plan.js';

export class AnswersWriter {
  private readonly rank: Map<string, number>;
  /** Each answer's lines under `answers:`, by the answer object they were written from. */
  private readonly answerLines = new WeakMap<Answer, { id: string; text: string }>();
  /** `operations:` and `evidence:`, kept while the session holds the same two objects. */
  private tail?: { operations: unknown; evidence: unknown; text: string };

  /** `order`: every question id in questionnaire order (as for serializeAnswers). */
  constructor(private readonly order: readonly string[]) {
    this.rank = questionRank(order);
  }

  /** The file's text for `doc`: exactly serializeAnswers(doc, order). */
  text(doc: AnswersDocument): string {
    return this.fastText(doc) ?? serializeAnswers(doc, this.order);
  }

  /** Writes the answers of a loaded file ahead of the first save (e.g. while the first question waits). */
  prepare(doc: AnswersDocument): void {
    this.fastText(doc);
  }

  private fastText(doc: AnswersDocument): string | undefined {
    const head = checkedBlockYaml(answersHead(doc));
    if (head === undefined) return undefined;
    const ids = answerIdsInOrder(doc.answers, this.rank);
    let answers = ids.length === 0 ? 'answers: {}\n' : 'answers:\n';
    for (const id of ids) {
      const lines = this.linesOf(id, doc.answers[id]!);
      if (lines === undefined) return undefined;
      answers += lines;
    }
    const tail = this.tailOf(doc);
    return tail === undefined ? undefined : ANSWERS_HEADER + head + answers + tail;
  }

  private linesOf(id: string, answer: Answer): string | undefined {
    const kept = this.answerLines.get(answer);
    if (kept?.id === id) return kept.text;
    const yaml = checkedBlockYaml({ [id]: orderedAnswer(answer) });
    if (yaml === undefined) return undefined;
    // One level in, under `answers:`: the block writer's nesting is exactly two spaces per level.
    const text = yaml.replace(/^(?=.)/gm, '  ');
    this.answerLines.set(answer, { id, text });
    return text;
  }

  private tailOf(doc: AnswersDocument): string | undefined {
    const { operations, evidence } = doc;
    if (this.tail && this.tail.operations === operations && this.tail.evidence === evidence) return this.tail.text;
    const data = answersTail(doc, this.rank);
    const text = data.operations === undefined && data.evidence === undefined ? '' : checkedBlockYaml(data);
    if (text !== undefined) this.tail = { operations, evidence, text };
    return text;
  }
}
