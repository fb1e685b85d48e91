/**
 * Readiness diff between two `report --format json` documents. Pure: two reports in, a diff out.
 * Order is always the reports' own (catalog) order, never alphabetical: categories and criteria
 * follow `after`, gaps follow their report (weight, then catalog), questions follow the plan.
 */
import type { toReportJson } from '../report/json.js';
import type { Status } from '../scoring.js';

type Full = ReturnType<typeof toReportJson>;
/** Fields added by version 2 of the report JSON are optional, so reports written by version 1 still compare. */
type Since2<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type ReportJson = Since2<
  Omit<Full, 'overall' | 'categories' | 'criteria' | 'gaps'>,
  'version' | 'criteriaAtRisk' | 'system' | 'scoping' | 'subservice' | 'cuecs'
> & {
  overall: Since2<Full['overall'], 'cappedBy'>;
  categories: Since2<Full['categories'][number], 'cappedBy'>[];
  criteria: Since2<Full['criteria'][number], 'cappedBy'>[];
  gaps: Since2<Full['gaps'][number], 'key' | 'gateScore' | 'next'>[];
};
type Gap = ReportJson['gaps'][number];
type Question = ReportJson['notSure'][number];
type Criterion = ReportJson['criteria'][number];

export interface ScoreChange {
  before: number | null;
  after: number | null;
  /** after − before, in percent points; null when either side has no score. */
  delta: number | null;
}

export interface CategoryDiff extends ScoreChange {
  id: string;
  name: string;
  statusBefore: Status | null;
  statusAfter: Status | null;
  inScopeBefore: boolean;
  inScopeAfter: boolean;
}

export interface CriterionChange {
  id: string;
  category: string;
  before: { status: Status; score: number | null };
  after: { status: Status; score: number | null };
  delta: number | null;
}

export interface GapEntry {
  control: string;
  title: string;
  weight: number;
  owner: string | null;
  /** The status and score in the report the gap is listed in (before for closed, after for new). */
  status: Status;
  score: number | null;
  criteria: string[];
}

export interface QuestionEntry {
  question: string;
  control: string;
  text: string;
}

export interface ReadinessDiff {
  before: { answersFile: string; generatedAt: string; organization: string | null };
  after: { answersFile: string; generatedAt: string; organization: string | null };
  overall: ScoreChange & { statusBefore: Status; statusAfter: Status };
  categories: CategoryDiff[];
  regressed: CriterionChange[];
  improved: CriterionChange[];
  gapsClosed: GapEntry[];
  newGaps: GapEntry[];
  newNotSure: QuestionEntry[];
  resolvedNotSure: QuestionEntry[];
  scope: { added: string[]; removed: string[]; exclusionsAdded: string[]; exclusionsRemoved: string[] };
}

/** Higher is better; statuses without a rank (excluded, not applicable, out of scope) never compare. */
const RANK: Partial<Record<Status, number>> = { ready: 3, partial: 2, gap: 1, unmapped: 1 };

const delta = (before: number | null, after: number | null) =>
  before === null || after === null ? null : after - before;
const source = (r: ReportJson) => ({
  answersFile: r.answersFile,
  generatedAt: r.generatedAt,
  organization: r.organization,
});
const onlyIn = <T>(list: readonly T[], other: readonly T[], key: (t: T) => string) => {
  const seen = new Set(other.map(key));
  return list.filter((item) => !seen.has(key(item)));
};

export function diffReports(before: ReportJson, after: ReportJson): ReadinessDiff {
  const { regressed, improved } = compareCriteria(before.criteria, after.criteria);
  const gap = (g: Gap): GapEntry => ({
    control: g.control,
    title: g.title,
    weight: g.weight,
    owner: g.owner,
    status: g.status,
    score: g.score,
    criteria: g.criteria,
  });
  const question = (q: Question): QuestionEntry => ({ question: q.question, control: q.control, text: q.text });
  const excludedBefore = before.excluded.map((e) => e.criterion);
  const excludedAfter = after.excluded.map((e) => e.criterion);
  return {
    before: source(before),
    after: source(after),
    overall: {
      before: before.overall.score,
      after: after.overall.score,
      delta: delta(before.overall.score, after.overall.score),
      statusBefore: before.overall.status,
      statusAfter: after.overall.status,
    },
    categories: compareCategories(before.categories, after.categories),
    regressed,
    improved,
    gapsClosed: onlyIn(before.gaps, after.gaps, (g) => g.control).map(gap),
    newGaps: onlyIn(after.gaps, before.gaps, (g) => g.control).map(gap),
    newNotSure: onlyIn(after.notSure, before.notSure, (q) => q.question).map(question),
    resolvedNotSure: onlyIn(before.notSure, after.notSure, (q) => q.question).map(question),
    scope: {
      added: onlyIn(after.scope, before.scope, String),
      removed: onlyIn(before.scope, after.scope, String),
      exclusionsAdded: onlyIn(excludedAfter, excludedBefore, String),
      exclusionsRemoved: onlyIn(excludedBefore, excludedAfter, String),
    },
  };
}

function compareCategories(before: ReportJson['categories'], after: ReportJson['categories']): CategoryDiff[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const ids = [...after.map((c) => c.id), ...onlyIn(before, after, (c) => c.id).map((c) => c.id)];
  const now = new Map(after.map((c) => [c.id, c]));
  return ids.map((id) => {
    const b = old.get(id);
    const a = now.get(id);
    const scoreBefore = b?.score ?? null;
    const scoreAfter = a?.score ?? null;
    return {
      id,
      name: (a ?? b)!.name,
      before: scoreBefore,
      after: scoreAfter,
      delta: delta(scoreBefore, scoreAfter),
      statusBefore: b?.status ?? null,
      statusAfter: a?.status ?? null,
      inScopeBefore: b?.inScope ?? false,
      inScopeAfter: a?.inScope ?? false,
    };
  });
}

/**
 * A criterion regressed when it is in scope in `after`, both statuses are ranked, and its score fell
 * or its status got worse (ready > partial > gap = unmapped). It improved when it rose and did not regress.
 */
function compareCriteria(before: readonly Criterion[], after: readonly Criterion[]) {
  const old = new Map(before.map((c) => [c.id, c]));
  const regressed: CriterionChange[] = [];
  const improved: CriterionChange[] = [];
  for (const a of after) {
    const b = old.get(a.id);
    const rankBefore = b && RANK[b.status];
    const rankAfter = RANK[a.status];
    if (!b || !a.inScope || rankBefore === undefined || rankAfter === undefined) continue;
    const d = delta(b.score, a.score);
    const change = {
      id: a.id,
      category: a.category,
      before: { status: b.status, score: b.score },
      after: { status: a.status, score: a.score },
      delta: d,
    };
    if ((d !== null && d < 0) || rankAfter < rankBefore) regressed.push(change);
    else if ((d !== null && d > 0) || rankAfter > rankBefore) improved.push(change);
  }
  return { regressed, improved };
}

/** Whether `--fail-on-regression` fails: any in-scope criterion regressed, or overall readiness fell. */
export function hasRegression(diff: ReadinessDiff): boolean {
  return diff.regressed.length > 0 || (diff.overall.delta !== null && diff.overall.delta < 0);
}
