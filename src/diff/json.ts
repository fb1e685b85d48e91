/** `diff --format json`. */
import {
  hasRegression,
  type CriterionChange,
  type GapEntry,
  type QuestionEntry,
  type ReadinessDiff,
  type ScoreChange,
} from './compare.js';

/** The JSON contract of `diff --format json`: keys in a fixed order; add, never rename. */
export function toDiffJson(diff: ReadinessDiff) {
  const score = (s: ScoreChange) => ({ before: s.before, after: s.after, delta: s.delta });
  const criterion = (c: CriterionChange) => ({
    id: c.id,
    category: c.category,
    before: { status: c.before.status, score: c.before.score },
    after: { status: c.after.status, score: c.after.score },
    delta: c.delta,
  });
  const gap = (g: GapEntry) => ({
    control: g.control,
    title: g.title,
    weight: g.weight,
    owner: g.owner,
    status: g.status,
    score: g.score,
    criteria: [...g.criteria],
  });
  const question = (q: QuestionEntry) => ({ question: q.question, control: q.control, text: q.text });
  const side = (s: ReadinessDiff['before']) => ({
    answersFile: s.answersFile,
    generatedAt: s.generatedAt,
    organization: s.organization,
  });
  return {
    before: side(diff.before),
    after: side(diff.after),
    regression: hasRegression(diff),
    overall: { ...score(diff.overall), statusBefore: diff.overall.statusBefore, statusAfter: diff.overall.statusAfter },
    categories: diff.categories.map((c) => ({
      id: c.id,
      name: c.name,
      ...score(c),
      statusBefore: c.statusBefore,
      statusAfter: c.statusAfter,
      inScopeBefore: c.inScopeBefore,
      inScopeAfter: c.inScopeAfter,
    })),
    regressed: diff.regressed.map(criterion),
    improved: diff.improved.map(criterion),
    gapsClosed: diff.gapsClosed.map(gap),
    newGaps: diff.newGaps.map(gap),
    newNotSure: diff.newNotSure.map(question),
    resolvedNotSure: diff.resolvedNotSure.map(question),
    scope: {
      added: [...diff.scope.added],
      removed: [...diff.scope.removed],
      exclusionsAdded: [...diff.scope.exclusionsAdded],
      exclusionsRemoved: [...diff.scope.exclusionsRemoved],
    },
  };
}
