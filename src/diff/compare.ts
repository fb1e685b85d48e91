/**
 * Readiness diff between two `report --format json` documents. Pure: two reports in, a diff out.
 * Order is always the reports' own (catalog) order, never alphabetical: categories and criteria
 * follow `after`, gaps follow their report (weight, then catalog), questions follow the plan.
 */
import type { toReportJson } from '../report/json.js';
import { statusLabel } from '../report/view.js';
import type { Status } from '../scoring.js';

export type ReportJson = ReturnType<typeof toReportJson>;
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

// ---------------------------------------------------------------------------------------------
// Markdown, for a pull-request comment. Passes markdownlint's default rules: lines wrap at 80
// columns, tables are "compact", and MD041 (a file's first line is an h1) is switched off in the
// document itself, because a comment's top heading is deliberately an h2.

const WIDTH = 80;
const pct = (n: number | null) => (n === null ? 'n/a' : `${n}%`);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '±0');
const pts = (n: number | null) => (n === null ? 'n/a' : `${signed(n)} pts`);
const arrow = (n: number | null) => (n === null ? '—' : n > 0 ? `▲ ${pts(n)}` : n < 0 ? `▼ ${pts(n)}` : '= 0');

/** Free text as inline Markdown: one line, markup characters escaped, URLs as autolinks. */
export function inlineText(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat
    .split(/(https?:\/\/[^\s<>|]+)/)
    .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)))
    .join('');
}

/** A table cell: inline text whose pipes and newlines cannot break the row. */
const cell = (s: string) => inlineText(s);

/** A word that starts a continuation line, escaped so Markdown cannot read it as a list item or a heading underline. */
const continuation = (word: string) => (/^[-+=]/.test(word) ? `\\${word}` : word.replace(/^(\d+)([.)])/, '$1\\$2'));

/** Wraps a list item (or, with marker '', a paragraph) at WIDTH columns. */
export function wrapItem(text: string, marker = '- '): string {
  const indent = ' '.repeat(marker.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') line = marker + word;
    else if (line.length + 1 + word.length <= WIDTH) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = indent + continuation(word);
    }
  }
  lines.push(line === '' ? marker.trimEnd() : line);
  return lines.join('\n');
}

function categoryValue(score: number | null, inScope: boolean): string {
  return inScope ? pct(score) : 'out of scope';
}

function categoryTable(diff: ReadinessDiff): string[] {
  const rows = diff.categories.map((c) => {
    const change =
      c.inScopeBefore && c.inScopeAfter
        ? arrow(c.delta)
        : c.inScopeAfter
          ? 'added to scope'
          : c.inScopeBefore
            ? 'removed from scope'
            : '—';
    return `| ${cell(c.name)} | ${categoryValue(c.before, c.inScopeBefore)} | ${categoryValue(c.after, c.inScopeAfter)} | ${change} |`;
  });
  return ['| Category | Before | After | Change |', '| --- | ---: | ---: | --- |', ...rows];
}

const statusScore = (s: { status: Status; score: number | null }) =>
  `${statusLabel(s.status)}${s.score === null ? '' : ` ${s.score}%`}`;
const criterionItem = (names: Map<string, string>) => (c: CriterionChange) =>
  wrapItem(
    `**${inlineText(c.id)}** (${inlineText(names.get(c.category) ?? c.category)}): ${statusScore(c.before)} → ${statusScore(c.after)}${c.delta === null ? '' : ` (${pts(c.delta)})`}`,
  );
const gapItem = (g: GapEntry, prefix: string) =>
  wrapItem(
    `**${inlineText(g.control)}** ${inlineText(g.title)}: ${prefix}${statusScore(g)}, weight ${g.weight}${g.owner ? `, owner ${inlineText(g.owner)}` : ''}`,
  );
const questionItem = (q: QuestionEntry) =>
  wrapItem(`\`${q.question.replace(/`/g, '')}\` (${inlineText(q.control)}): ${inlineText(q.text)}`);

function section(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`### ${title} (${items.length})`, '', ...items, ''];
}

function summaryLine(diff: ReadinessDiff): string {
  const parts = [
    `${diff.regressed.length} ${diff.regressed.length === 1 ? 'criterion' : 'criteria'} regressed`,
    `${diff.improved.length} improved`,
    `${diff.newGaps.length} new ${diff.newGaps.length === 1 ? 'gap' : 'gaps'}`,
    `${diff.gapsClosed.length} closed`,
    `${diff.newNotSure.length} new "Not sure"`,
  ];
  return wrapItem(`${parts.join(', ')}.`, '');
}

function scopeItems(diff: ReadinessDiff): string[] {
  const { added, removed, exclusionsAdded, exclusionsRemoved } = diff.scope;
  const item = (label: string, ids: string[]) =>
    ids.length === 0 ? [] : [wrapItem(`${label}: ${ids.map(inlineText).join(', ')}`)];
  return [
    ...item('Added to scope', added),
    ...item('Removed from scope', removed),
    ...item('Newly excluded', exclusionsAdded),
    ...item('No longer excluded', exclusionsRemoved),
  ];
}

export function renderDiffMarkdown(diff: ReadinessDiff): string {
  const { before, after, delta: d } = diff.overall;
  const names = new Map(diff.categories.map((c) => [c.id, c.name]));
  const lines = [
    `## SOC 2 readiness: ${pct(before)} → ${pct(after)} (${pts(d)})`,
    '',
    summaryLine(diff),
    '',
    ...categoryTable(diff),
    '',
    ...section('Regressions', diff.regressed.map(criterionItem(names))),
    ...section(
      'New gaps',
      diff.newGaps.map((g) => gapItem(g, '')),
    ),
    ...section(
      'Closed gaps',
      diff.gapsClosed.map((g) => gapItem(g, 'was ')),
    ),
    ...section('New "Not sure" answers', diff.newNotSure.map(questionItem)),
    ...section('Improvements', diff.improved.map(criterionItem(names))),
    ...section('Resolved "Not sure" answers', diff.resolvedNotSure.map(questionItem)),
    ...section('Scope changes', scopeItems(diff)),
    '<!-- markdownlint-disable-file MD041 -->',
  ];
  return `${lines.join('\n')}\n`;
}
