import { describe, expect, test } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { diffReports, hasRegression, type ReportJson } from '../src/diff/compare.js';
import { toDiffJson } from '../src/diff/json.js';
import { inlineText, renderDiffMarkdown, wrapItem } from '../src/diff/markdown.js';
import type { Status } from '../src/scoring.js';

type Criterion = ReportJson['criteria'][number];
type Gap = ReportJson['gaps'][number];

const CATEGORY_NAMES: Record<string, string> = {
  security: 'Security',
  availability: 'Availability',
  confidentiality: 'Confidentiality',
};
const categoryOf = (id: string) =>
  id.startsWith('CC') ? 'security' : id.startsWith('A') ? 'availability' : 'confidentiality';

const criterion = (id: string, status: Status, score: number | null): Criterion => ({
  id,
  category: categoryOf(id),
  series: id.replace(/\..*$/, ''),
  inScope: status !== 'out-of-scope',
  status,
  score,
  controls: [],
});
const gap = (
  control: string,
  status: Status,
  score: number,
  title = `${control} title`,
  owner: string | null = null,
): Gap => ({
  control,
  title,
  score,
  status,
  weight: 3,
  owner,
  criteria: ['CC1.1'],
  remediation: null,
  evidence: [],
});
const question = (id: string) => ({
  question: id,
  control: id.replace(/\..*$/, ''),
  text: `Question ${id}?`,
  value: 'not-sure',
  note: null,
  reason: null,
});

interface Sides {
  overall: number | null;
  categories: [string, number | null][];
  criteria: Criterion[];
  gaps?: Gap[];
  notSure?: string[];
  excluded?: string[];
}

function report(s: Sides, answersFile: string): ReportJson {
  const categories = s.categories.map(([id, score]) => ({
    id,
    name: CATEGORY_NAMES[id]!,
    inScope: score !== null,
    score,
    status: (score === null ? 'out-of-scope' : score >= 80 ? 'ready' : 'partial') as Status,
  }));
  return {
    tool: { name: 'soc2-ready', version: '0.1.0' },
    generatedAt: '2026-01-02T03:04:05.000Z',
    organization: 'Acme',
    answersFile,
    controls: 'builtin',
    scope: categories.filter((c) => c.inScope).map((c) => c.id),
    thresholds: { ready: 80, partial: 50 },
    overall: {
      score: s.overall,
      status: s.overall === null ? 'not-applicable' : s.overall >= 80 ? 'ready' : 'partial',
    },
    categories,
    criteria: s.criteria,
    gaps: s.gaps ?? [],
    notSure: (s.notSure ?? []).map(question),
    unanswered: [],
    notApplicable: [],
    invalidAnswers: [],
    excluded: (s.excluded ?? []).map((criterion) => ({ criterion, reason: 'Carved out.' })),
    staleAnswers: [],
  };
}

// Catalog order: security (CC…) first, then availability (A…), then confidentiality (C…).
const before = report(
  {
    overall: 80,
    categories: [
      ['security', 80],
      ['availability', null],
      ['confidentiality', 70],
    ],
    criteria: [
      criterion('CC1.1', 'ready', 90),
      criterion('CC1.2', 'ready', 85),
      criterion('CC2.1', 'partial', 60),
      criterion('CC3.1', 'unmapped', 0),
      criterion('CC3.2', 'gap', 30),
      criterion('CC5.1', 'ready', 100),
      criterion('CC6.4', 'excluded', null),
      criterion('CC9.1', 'partial', 70),
      criterion('A1.1', 'out-of-scope', null),
      criterion('A1.2', 'out-of-scope', null),
      criterion('C1.1', 'partial', 60),
    ],
    gaps: [gap('VND-01', 'gap', 15), gap('GOV-02', 'partial', 75), gap('BCP-05', 'gap', 0)],
    notSure: ['BCP-05.test', 'MON-01.coverage'],
    excluded: ['CC6.4'],
  },
  'before.yaml',
);

const after = report(
  {
    overall: 75,
    categories: [
      ['security', 78],
      ['availability', 40],
      ['confidentiality', null],
    ],
    criteria: [
      criterion('CC1.1', 'ready', 85),
      criterion('CC1.2', 'partial', 85),
      criterion('CC2.1', 'ready', 90),
      criterion('CC3.1', 'gap', 0),
      criterion('CC3.2', 'unmapped', 0),
      criterion('CC5.1', 'ready', 100),
      criterion('CC6.4', 'gap', 0),
      criterion('CC9.1', 'ready', 80),
      criterion('A1.1', 'gap', 20),
      criterion('A1.2', 'partial', 70),
      criterion('C1.1', 'out-of-scope', null),
    ],
    gaps: [gap('GOV-11', 'partial', 60), gap('BCP-05', 'gap', 0), gap('ACC-03', 'partial', 66, 'MFA', 'Security lead')],
    notSure: ['VUL-01.scan', 'BCP-05.test', 'ACC-03.cloud'],
    excluded: ['CC7.5'],
  },
  'after.yaml',
);

const diff = diffReports(before, after);

describe('diffReports', () => {
  test('regressed: in scope after, score fell or status worse; catalog order, with old and new status and score', () => {
    expect(diff.regressed).toEqual([
      {
        id: 'CC1.1',
        category: 'security',
        before: { status: 'ready', score: 90 },
        after: { status: 'ready', score: 85 },
        delta: -5,
      },
      {
        id: 'CC1.2',
        category: 'security',
        before: { status: 'ready', score: 85 },
        after: { status: 'partial', score: 85 },
        delta: 0,
      },
      {
        id: 'CC3.2',
        category: 'security',
        before: { status: 'gap', score: 30 },
        after: { status: 'unmapped', score: 0 },
        delta: -30,
      },
    ]);
  });

  test('lists follow the order of after.criteria, whatever it is', () => {
    const reversed = diffReports(before, { ...after, criteria: [...after.criteria].reverse() });
    expect(reversed.regressed.map((c) => c.id)).toEqual(['CC3.2', 'CC1.2', 'CC1.1']);
  });

  test('improved: rose and did not regress; unranked statuses (excluded, out of scope) never compare', () => {
    expect(diff.improved.map((c) => c.id)).toEqual(['CC2.1', 'CC9.1']);
    expect(diff.improved[1]).toEqual({
      id: 'CC9.1',
      category: 'security',
      before: { status: 'partial', score: 70 },
      after: { status: 'ready', score: 80 },
      delta: 10,
    });
  });

  test('gaps closed and new gaps keep their report order (weight, then catalog), never alphabetical', () => {
    expect(diff.gapsClosed.map((g) => g.control)).toEqual(['VND-01', 'GOV-02']);
    expect(diff.newGaps.map((g) => g.control)).toEqual(['GOV-11', 'ACC-03']);
    expect(diff.newGaps[1]).toEqual({
      control: 'ACC-03',
      title: 'MFA',
      weight: 3,
      owner: 'Security lead',
      status: 'partial',
      score: 66,
      criteria: ['CC1.1'],
    });
    expect(diff.gapsClosed[0]).toMatchObject({ control: 'VND-01', status: 'gap', score: 15 });
  });

  test('new and resolved "Not sure" questions in plan order', () => {
    expect(diff.newNotSure).toEqual([
      { question: 'VUL-01.scan', control: 'VUL-01', text: 'Question VUL-01.scan?' },
      { question: 'ACC-03.cloud', control: 'ACC-03', text: 'Question ACC-03.cloud?' },
    ]);
    expect(diff.resolvedNotSure.map((q) => q.question)).toEqual(['MON-01.coverage']);
  });

  test('scope and exclusion changes', () => {
    expect(diff.scope).toEqual({
      added: ['availability'],
      removed: ['confidentiality'],
      exclusionsAdded: ['CC7.5'],
      exclusionsRemoved: ['CC6.4'],
    });
  });

  test('overall and per-category deltas in percent points, null-safe', () => {
    expect(diff.overall).toEqual({ before: 80, after: 75, delta: -5, statusBefore: 'ready', statusAfter: 'partial' });
    expect(diff.categories.map((c) => [c.id, c.before, c.after, c.delta, c.inScopeBefore, c.inScopeAfter])).toEqual([
      ['security', 80, 78, -2, true, true],
      ['availability', null, 40, null, false, true],
      ['confidentiality', 70, null, null, true, false],
    ]);
    const empty = diffReports({ ...before, overall: { score: null, status: 'not-applicable' } }, after);
    expect(empty.overall.delta).toBeNull();
  });

  test('hasRegression: a criterion regressed, or overall fell; otherwise false', () => {
    expect(hasRegression(diff)).toBe(true);
    expect(hasRegression(diffReports(before, before))).toBe(false);
    const onlyOverall = diffReports(before, { ...before, overall: { score: 79, status: 'partial' } });
    expect(onlyOverall.regressed).toEqual([]);
    expect(hasRegression(onlyOverall)).toBe(true);
    expect(hasRegression(diffReports(after, { ...after, overall: { score: null, status: 'not-applicable' } }))).toBe(
      false,
    );
  });
});

describe('toDiffJson', () => {
  test('stable keys, in a fixed order', () => {
    const json = toDiffJson(diff);
    expect(Object.keys(json)).toEqual([
      'before',
      'after',
      'regression',
      'overall',
      'categories',
      'regressed',
      'improved',
      'gapsClosed',
      'newGaps',
      'newNotSure',
      'resolvedNotSure',
      'scope',
    ]);
    expect(json.before).toEqual({
      answersFile: 'before.yaml',
      generatedAt: '2026-01-02T03:04:05.000Z',
      organization: 'Acme',
    });
    expect(json.regression).toBe(true);
    expect(Object.keys(json.overall)).toEqual(['before', 'after', 'delta', 'statusBefore', 'statusAfter']);
    expect(Object.keys(json.categories[0]!)).toEqual([
      'id',
      'name',
      'before',
      'after',
      'delta',
      'statusBefore',
      'statusAfter',
      'inScopeBefore',
      'inScopeAfter',
    ]);
    expect(Object.keys(json.regressed[0]!)).toEqual(['id', 'category', 'before', 'after', 'delta']);
    expect(Object.keys(json.newGaps[0]!)).toEqual([
      'control',
      'title',
      'weight',
      'owner',
      'status',
      'score',
      'criteria',
    ]);
    expect(Object.keys(json.scope)).toEqual(['added', 'removed', 'exclusionsAdded', 'exclusionsRemoved']);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

const lintErrors = async (markdown: string) => (await lint({ strings: { diff: markdown } })).toString();

describe('renderDiffMarkdown', () => {
  const md = renderDiffMarkdown(diff);

  test('heading, summary and category table with arrows', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('## SOC 2 readiness: 80% → 75% (-5 pts)');
    expect(lines[2]).toBe('3 criteria regressed, 2 improved, 2 new gaps, 2 closed, 2 new "Not sure".');
    expect(lines.slice(4, 9)).toEqual([
      '| Category | Before | After | Change |',
      '| --- | ---: | ---: | --- |',
      '| Security | 80% | 78% | ▼ -2 pts |',
      '| Availability | out of scope | 40% | added to scope |',
      '| Confidentiality | 70% | out of scope | removed from scope |',
    ]);
  });

  test('lists regressions, new gaps, closed gaps and new "Not sure"', () => {
    expect(md).toContain(
      '### Regressions (3)\n\n- **CC1.1** (Security): Ready 90% → Ready 85% (-5 pts)\n- **CC1.2** (Security): Ready 85% → Partial 85% (±0 pts)\n- **CC3.2** (Security): Gap 30% → Unmapped 0% (-30 pts)\n',
    );
    expect(md).toContain(
      '### New gaps (2)\n\n- **GOV-11** GOV-11 title: Partial 60%, weight 3\n- **ACC-03** MFA: Partial 66%, weight 3, owner Security lead\n',
    );
    expect(md).toContain('### Closed gaps (2)\n\n- **VND-01** VND-01 title: was Gap 15%, weight 3\n');
    expect(md).toContain('### New "Not sure" answers (2)\n\n- `VUL-01.scan` (VUL-01): Question VUL-01.scan?\n');
    expect(md).toContain(
      '- Added to scope: availability\n- Removed from scope: confidentiality\n- Newly excluded: CC7.5\n- No longer excluded: CC6.4\n',
    );
    expect(md.indexOf('### Regressions')).toBeLessThan(md.indexOf('### New gaps'));
  });

  test('passes markdownlint with its default rules', async () => {
    expect(await lintErrors(md)).toBe('');
    expect(await lintErrors(renderDiffMarkdown(diffReports(before, before)))).toBe('');
  });

  test('pipes and newlines in cells and items cannot break the table or the list; long items wrap at 80', async () => {
    const nasty =
      'Access | review\nof *all* `prod` <b>users</b> and [links] — see https://example.com/a_b for the full procedure, owner #1';
    const b = {
      ...before,
      categories: before.categories.map((c) => (c.id === 'security' ? { ...c, name: 'Sec | urity\nteam' } : c)),
    };
    const a = {
      ...after,
      categories: after.categories.map((c) => (c.id === 'security' ? { ...c, name: 'Sec | urity\nteam' } : c)),
      gaps: [gap('X-1', 'gap', 0, nasty, '- 1. owner')],
    };
    const out = renderDiffMarkdown(diffReports(b, a));
    expect(out).toContain('| Sec \\| urity team | 80% | 78% | ▼ -2 pts |');
    expect(out.split('\n').every((l) => l.length <= 80 || !/\s/.test(l.slice(80)))).toBe(true);
    expect(await lintErrors(out)).toBe('');
  });
});

describe('inline helpers', () => {
  test('inlineText escapes markup, flattens whitespace and turns URLs into autolinks', () => {
    expect(inlineText('a | b\n*c* <d> https://x.test/p')).toBe('a \\| b \\*c\\* \\<d\\> <https://x.test/p>');
  });

  test('wrapItem wraps at 80 columns and a continuation line is never read as a new block', () => {
    // Shifting the text by 0–7 characters puts each of "-", "1.", "=", "+" and "2)" at the start of a line.
    const texts = Array.from(
      { length: 8 },
      (_, k) => `${'x'.repeat(k)} ${'word '.repeat(14)}- 1. = + 2) second ${'word '.repeat(14)}`,
    );
    for (const [text, marker, expectedItems] of texts.flatMap(
      (t) =>
        [
          [t, '- ', 1],
          [t, '', 0],
        ] as const,
    )) {
      const wrapped = wrapItem(text, marker);
      expect(wrapped.split('\n').length).toBeGreaterThan(1);
      expect(wrapped.split('\n').every((l) => l.length <= 80)).toBe(true);
      const types = new MarkdownIt().parse(wrapped, {}).map((t) => t.type);
      expect(types.filter((t) => t === 'list_item_open')).toHaveLength(expectedItems);
      expect(types.filter((t) => t === 'paragraph_open')).toHaveLength(1);
      expect(types.filter((t) => /heading|hr|ordered_list/.test(t))).toEqual([]);
    }
  });
});
