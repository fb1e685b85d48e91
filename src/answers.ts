import { error, naturalCompare, type Diagnostic } from './diagnostics.js';
import { schemaDiagnostics } from './yaml/schema.js';
import { parseYamlSource } from './yaml/source.js';
import { emitBlockYaml } from './yaml/emit.js';
import { parseSimpleYaml } from './yaml/simple.js';
import { vendor } from './runtime/vendor.js';
import type { Answer } from './questionnaire/plan.js';
import { checkOperations, orderedHistory, type Operations } from './engagement/operations.js';
import { checkEvidence, orderedEvidence, type EvidenceMap } from './evidence/references.js';

export const DEFAULT_ANSWERS_FILE = 'soc2-answers.yaml';
export const BUILTIN_CONTROLS = 'builtin';

/** The answers file: the source of truth of one organization's assessment. */
export interface AnswersDocument {
  version: 1;
  organization?: string;
  /** Category ids in scope, catalog order; security always included. */
  scope: string[];
  /** "builtin" or a controls folder relative to the answers file. */
  controls: string;
  created?: string;
  updated?: string;
  scoping: Record<string, string>;
  answers: Record<string, Answer>;
  /** Operating history per control id (Type II readiness); absent until one is recorded. */
  operations?: Operations;
  /** Evidence references per control id; absent until one is recorded. */
  evidence?: EvidenceMap;
}

export function emptyAnswers(now: string): AnswersDocument {
  return {
    version: 1,
    scope: ['security'],
    controls: BUILTIN_CONTROLS,
    created: now,
    updated: now,
    scoping: {},
    answers: {},
  };
}

export function parseAnswers(text: string, file: string): { doc?: AnswersDocument; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file, { fast: true });
  if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
  if (source.data === null || typeof source.data !== 'object') {
    return {
      diagnostics: [
        error('schema', 'The answers file must be a mapping with "version", "scope" and "answers".', {
          file,
          line: 1,
          column: 1,
        }),
      ],
    };
  }
  const diagnostics = schemaDiagnostics('answers', source);
  if (diagnostics.length > 0) return { diagnostics };
  const operations = (source.data as { operations?: Operations }).operations;
  if (operations) diagnostics.push(...checkOperations(operations, file, source.locate));
  const evidence = (source.data as { evidence?: EvidenceMap }).evidence;
  if (evidence) diagnostics.push(...checkEvidence(evidence, file, source.locate));
  if (diagnostics.length > 0) return { diagnostics };
  const raw = source.data as Partial<AnswersDocument> & Pick<AnswersDocument, 'version' | 'scope' | 'answers'>;
  return { doc: { controls: BUILTIN_CONTROLS, scoping: {}, ...raw }, diagnostics };
}

export const ANSWERS_HEADER =
  '# soc2-ready answers file: the source of truth of this readiness assessment.\n# Written by `soc2-ready assess` after every answer; review changes in pull requests.\n';

/**
 * YAML for the answers file: fixed key order and answers in questionnaire order (`order` lists
 * question ids; anything else, e.g. stale answers, follows in natural order) so review diffs stay small.
 */
export function serializeAnswers(doc: AnswersDocument, order: readonly string[]): string {
  const ordered = answersData(doc, questionRank(order));
  // YAML 1.1 rules for output only: quotes yes/no/on/off so every YAML reader keeps them as strings;
  // the 1.2 octal tag is added so strings like "0o17" are quoted too (our 1.2 reader would make them numbers).
  return (
    ANSWERS_HEADER +
    (checkedBlockYaml(ordered) ??
      vendor<typeof import('yaml')>('yaml').stringify(ordered, {
        lineWidth: 0,
        version: '1.1',
        customTags: ['intOct'],
      }))
  );
}

/** The document exactly as the file lists it (see serializeAnswers); `rank` from questionRank. */
export function answersData(doc: AnswersDocument, rank: ReadonlyMap<string, number>): Record<string, unknown> {
  // No prototype: a stale key such as "__proto__" is kept like any other instead of vanishing.
  const answers: Record<string, Answer> = Object.create(null) as Record<string, Answer>;
  for (const id of answerIdsInOrder(doc.answers, rank)) answers[id] = orderedAnswer(doc.answers[id]!);
  return { ...answersHead(doc), answers, ...answersTail(doc, rank) };
}

/** Question id → its place in the questionnaire. */
export function questionRank(order: readonly string[]): Map<string, number> {
  return new Map(order.map((id, i) => [id, i]));
}

/** Answer ids in file order: questionnaire order, then the rest (stale answers) in natural order. */
export function answerIdsInOrder(answers: Record<string, Answer>, rank: ReadonlyMap<string, number>): string[] {
  return Object.keys(answers).sort((a, b) => {
    const ra = rank.get(a) ?? Infinity;
    const rb = rank.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : naturalCompare(a, b);
  });
}

/** The fields before `answers:`. */
export function answersHead(doc: AnswersDocument): Record<string, unknown> {
  const { version, organization, scope, controls, created, updated, scoping } = doc;
  return { version, organization, scope, controls, created, updated, scoping };
}

/** The fields after `answers:` (each undefined when there is nothing to write). */
export function answersTail(doc: AnswersDocument, rank: ReadonlyMap<string, number>): Record<string, unknown> {
  return {
    operations: operationsInOrder(doc.operations, rank),
    evidence: orderedEvidence(doc.evidence, controlRanker(rank), naturalCompare),
  };
}

/**
 * `data` written by emitBlockYaml (the same bytes as yaml, without loading it), read back and compared;
 * undefined when the writer declines or the text does not read back as `data`.
 */
export function checkedBlockYaml(data: Record<string, unknown>): string | undefined {
  const fast = emitBlockYaml(data);
  if (fast !== undefined && JSON.stringify(parseSimpleYaml(fast)?.value) === JSON.stringify(data)) return fast;
  return undefined;
}

/** Operating histories by control, in the order the controls are asked (natural order for the rest). */
function operationsInOrder(
  operations: Operations | undefined,
  questionRank: ReadonlyMap<string, number>,
): Operations | undefined {
  if (!operations || Object.keys(operations).length === 0) return undefined;
  const rankOf = controlRanker(questionRank);
  const ids = Object.keys(operations).sort((a, b) => rankOf(a) - rankOf(b) || naturalCompare(a, b));
  return Object.fromEntries(ids.map((id) => [id, orderedHistory(operations[id]!)]));
}

/** A control's rank: that of its first question (Infinity for controls no longer asked). */
function controlRanker(questionRank: ReadonlyMap<string, number>): (controlId: string) => number {
  const controlRank = new Map<string, number>();
  for (const [id, rank] of questionRank) {
    const control = id.slice(0, id.indexOf('.'));
    if (!controlRank.has(control)) controlRank.set(control, rank);
  }
  return (id) => controlRank.get(id) ?? Infinity;
}

export function orderedAnswer(a: Answer): Answer {
  const out: Answer = { value: a.value } as Answer;
  if (a.reason !== undefined) out.reason = a.reason;
  if (a.note !== undefined) out.note = a.note;
  if (a.at !== undefined) out.at = a.at;
  return out;
}
