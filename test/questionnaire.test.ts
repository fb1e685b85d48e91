import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Control } from '../src/catalog/types.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import { recommendedScope } from '../src/questionnaire/content.js';
import {
  applicableQuestions,
  nextUnanswered,
  planControls,
  progress,
  questionsOf,
  staleAnswerIds,
  type Answer,
  type Answers,
  type PlanFilter,
} from '../src/questionnaire/plan.js';
import { readQuestionnaire } from '../src/project/workspace.js';

const catalog = readBuiltinCatalog();
const controls = loadControlsDir(builtinControlsDir, packageRoot).controls;
const content = readQuestionnaire();
const byId = new Map(controls.map((c) => [c.id, c]));
const categoryOf = new Map(catalog.criteria.map((c) => [c.id, c.category]));
const seriesOrder = [...new Set(catalog.criteria.map((c) => c.series))];
const plan = (scope: string[], filter?: PlanFilter) => planControls(catalog, controls, new Set(scope), content, filter);
const ids = (p: ReturnType<typeof plan>) => p.map((x) => x.control.id);
const qids = (list: { question: { id: string } }[]) => list.map((x) => x.question.id);
const v = (value: string): Answer => ({ value });
const bare = (id: string, criteria: string[]): Control => ({
  id,
  title: id,
  criteria,
  links: criteria.map((c) => ({ id: c, role: 'primary' })),
  key: false,
  weight: 1,
  evidence: [],
  questions: [],
  location: { file: 'x.yaml' },
  criteriaLocations: [],
  questionLocations: [],
});
const SECURITY = ['security'];

describe('planControls: scope', () => {
  const security = plan(SECURITY);
  test('guard: the built-in library plans a substantial security questionnaire', () => {
    expect(security.length).toBeGreaterThanOrEqual(80);
  });
  test('a security-only plan holds no control whose criteria are all out of scope', () => {
    for (const p of security) {
      expect(p.control.criteria.some((id) => categoryOf.get(id) === 'security')).toBe(true);
      expect(p.inScopeCriteria.every((id) => categoryOf.get(id) === 'security')).toBe(true);
    }
    // Privacy and Processing Integrity controls keep their CC links only as supporting links.
    expect(ids(security).filter((id) => /^(PRV|PRI)-/.test(id))).toEqual([]);
    // Backups and restore tests are primary for CC7.5 and CC9.1, so a Security-only plan asks them.
    expect(security.find((p) => p.control.id === 'BCP-03')!.inScopeCriteria).toEqual(['CC7.5', 'CC9.1']);
    expect(security.find((p) => p.control.id === 'BCP-04')!.inScopeCriteria).toEqual(['CC7.5', 'CC9.1']);
  });
  test('adding privacy adds every PRV control, with its supporting CC links', () => {
    const withPrivacy = plan(['security', 'privacy']);
    const added = ids(withPrivacy)
      .filter((id) => !ids(security).includes(id))
      .sort();
    expect(added).toEqual(Array.from({ length: 18 }, (_, i) => `PRV-${String(i + 1).padStart(2, '0')}`));
    // Plan order: a control is asked under its first counted criterion, so PRV-17 (supporting CC2.3) comes
    // first, and PRV-04 maps [P3.2, P2.1], so it is asked under P2 before PRV-03 (P3.1).
    expect(ids(withPrivacy).filter((id) => !ids(security).includes(id))).toEqual([
      'PRV-17',
      'PRV-18',
      'PRV-07',
      'PRV-12',
      'PRV-15',
      'PRV-13',
      'PRV-14',
      'PRV-01',
      'PRV-02',
      'PRV-04',
      'PRV-03',
      'PRV-05',
      'PRV-06',
      'PRV-08',
      'PRV-09',
      'PRV-10',
      'PRV-11',
      'PRV-16',
    ]);
    expect(withPrivacy.find((p) => p.control.id === 'PRV-04')).toMatchObject({
      series: 'P2 Choice and Consent',
      inScopeCriteria: ['P2.1', 'P3.2'],
    });
    expect(withPrivacy.find((p) => p.control.id === 'PRV-07')!.inScopeCriteria).toEqual(['CC6.5', 'P4.3']);
  });
  test('every control mapping an in-scope criterion is planned, each exactly once', () => {
    const all = plan(catalog.categories.map((c) => c.id));
    expect(ids(all).sort()).toEqual(
      controls
        .filter((c) => c.criteria.length > 0)
        .map((c) => c.id)
        .sort(),
    );
  });
});

describe('planControls: order', () => {
  const all = plan(catalog.categories.map((c) => c.id));
  test('the first planned control is asked under CC1 with CC1.1 first', () => {
    expect(all[0]!.series).toBe('CC1 Control Environment');
    expect(all[0]!.inScopeCriteria[0]).toBe('CC1.1');
    expect(ids(all).slice(0, 4)).toEqual(['GOV-01', 'HR-01', 'HR-03', 'HR-04']); // HR-01 lists CC1.4 first; sorted to CC1.1
  });
  test('series never go backwards and each control sits under its first in-scope criterion', () => {
    const positions = all.map((p) => seriesOrder.indexOf(p.series));
    expect(positions.every((x, i) => x >= 0 && (i === 0 || x >= positions[i - 1]!))).toBe(true);
    for (const p of all) {
      expect(catalog.criteria[p.order]!.id).toBe(p.inScopeCriteria[0]);
      expect(catalog.criteria[p.order]!.series).toBe(p.series);
    }
  });
  test('controls sharing a first criterion keep file order', () => {
    const first = all.filter((p) => p.inScopeCriteria[0] === 'CC1.1').map((p) => p.control.id);
    const fileOrder = controls.filter((c) => first.includes(c.id)).map((c) => c.id);
    expect(first).toEqual(fileOrder);
  });
});

describe('planControls: filters', () => {
  test('{ category } keeps controls with an in-scope criterion of that category, still in plan order', () => {
    const p = plan(['security', 'availability'], { category: 'availability' });
    expect(ids(p)).toEqual(['MON-07', 'MON-06', 'BCP-02', 'BCP-03', 'BCP-04', 'BCP-05', 'BCP-06', 'BCP-07']);
    expect(ids(plan(SECURITY, { category: 'availability' }))).toEqual([]);
  });
  test('{ control } keeps just that control, only when it is in scope', () => {
    expect(ids(plan(SECURITY, { control: 'ACC-03' }))).toEqual(['ACC-03']);
    expect(ids(plan(SECURITY, { control: 'PRV-01' }))).toEqual([]);
    expect(ids(plan(['privacy'], { control: 'PRV-01' }))).toEqual(['PRV-01']);
    expect(ids(plan(SECURITY, { control: 'NOPE-01' }))).toEqual([]);
  });
});

describe('default question', () => {
  test('a control without questions gets one "<id>.in-place" question from the questionnaire content', () => {
    const c = bare('NEW-01', ['CC1.1']);
    const questions = questionsOf(c, content);
    expect(questions).toEqual([
      { id: 'NEW-01.in-place', text: 'Is this control in place?', choices: content.defaultQuestion.choices },
    ]);
    expect(questions[0]!.choices.map((x) => [x.value, x.score])).toEqual([
      ['operating', 1],
      ['documented', 0.5],
      ['ad-hoc', 0.25],
      ['none', 0],
    ]);
    expect(questionsOf(byId.get('ACC-01')!, content)).toBe(byId.get('ACC-01')!.questions);
    const p = planControls(catalog, [c], new Set(SECURITY), content);
    expect(qids(applicableQuestions(p, {}))).toEqual(['NEW-01.in-place']);
  });
});

describe('follow-ups, resume and review', () => {
  const acc = plan(SECURITY, { control: 'ACC-01' });
  test('a `when` follow-up appears only once its condition is met', () => {
    expect(qids(applicableQuestions(acc, {}))).toEqual(['ACC-01.scope']);
    expect(nextUnanswered(acc, {})!.question.id).toBe('ACC-01.scope');
    const none = { 'ACC-01.scope': v('none') };
    expect(qids(applicableQuestions(acc, none))).toEqual(['ACC-01.scope']);
    expect(nextUnanswered(acc, none)).toBeUndefined();
    const some = { 'ACC-01.scope': v('some') };
    expect(qids(applicableQuestions(acc, some))).toEqual(['ACC-01.scope', 'ACC-01.classification', 'ACC-01.upkeep']);
    expect(nextUnanswered(acc, some)!.question.id).toBe('ACC-01.classification');
    expect(nextUnanswered(acc, { ...some, 'ACC-01.classification': v('yes') })!.question.id).toBe('ACC-01.upkeep');
  });
  test('not-sure and not-applicable on a parent rule its follow-ups out', () => {
    expect(qids(applicableQuestions(acc, { 'ACC-01.scope': v('not-sure') }))).toEqual(['ACC-01.scope']);
    expect(qids(applicableQuestions(acc, { 'ACC-01.scope': { value: 'not-applicable', reason: 'r' } }))).toEqual([
      'ACC-01.scope',
    ]);
  });
  test('review walk: applicableQuestions lists answered questions too, with their control', () => {
    const answers = { 'ACC-01.scope': v('all'), 'ACC-01.classification': v('no'), 'ACC-01.upkeep': v('never') };
    const walk = applicableQuestions(acc, answers);
    expect(
      walk.map((x) => [x.planned.control.id, x.question.id, answers[x.question.id as keyof typeof answers]?.value]),
    ).toEqual([
      ['ACC-01', 'ACC-01.scope', 'all'],
      ['ACC-01', 'ACC-01.classification', 'no'],
      ['ACC-01', 'ACC-01.upkeep', 'never'],
    ]);
    expect(nextUnanswered(acc, answers)).toBeUndefined();
  });
  test('resume: after answering the first N questions in order, the next is the (N+1)-th applicable one', () => {
    const security = plan(SECURITY);
    fc.assert(
      fc.property(fc.nat(60), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (n, picks) => {
        const answers: Record<string, Answer> = {};
        for (let i = 0; i < n; i++) {
          const next = nextUnanswered(security, answers)!;
          const choices = next.question.choices;
          answers[next.question.id] = v(choices[picks[i]! % choices.length]!.value);
        }
        const walk = applicableQuestions(security, answers);
        expect(qids(walk.slice(0, n))).toEqual(Object.keys(answers));
        expect(nextUnanswered(security, answers)!.question.id).toBe(walk[n]!.question.id);
        expect(progress(security, answers).answered).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stale answers', () => {
  test('answers whose question no longer exists are stale; default and real question ids are not', () => {
    const answers: Answers = {
      'GONE-01.q': v('yes'),
      'ACC-01.scope': v('all'),
      'NEW-01.in-place': v('operating'),
      'ACC-01.in-place': v('operating'),
      'ACC-01.removed': v('no'),
    };
    const inventory = [...controls, bare('NEW-01', ['CC1.1'])];
    expect(staleAnswerIds(inventory, answers, content)).toEqual(['GONE-01.q', 'ACC-01.in-place', 'ACC-01.removed']);
    expect(staleAnswerIds(inventory, {}, content)).toEqual([]);
  });
  test('an answer for a control that is merely out of scope is not stale', () => {
    const first = byId.get('PRV-01')!.questions[0]!.id;
    expect(staleAnswerIds(controls, { [first]: v('x') }, content)).toEqual([]);
  });
});

describe('progress', () => {
  const acc = plan(SECURITY, { control: 'ACC-01' });
  const rsk = plan(SECURITY, { control: 'RSK-02' });
  test.each([
    ['nothing answered: follow-ups still could apply', acc, {}, 0, 3],
    ['parent rules both follow-ups out', acc, { 'ACC-01.scope': v('none') }, 1, 1],
    ['parent keeps both follow-ups', acc, { 'ACC-01.scope': v('some') }, 1, 3],
    ['one follow-up answered', acc, { 'ACC-01.scope': v('most'), 'ACC-01.upkeep': v('never') }, 2, 3],
    [
      'a leftover answer to a ruled-out follow-up does not count',
      acc,
      { 'ACC-01.scope': v('none'), 'ACC-01.upkeep': v('never') },
      1,
      1,
    ],
    ['one of two follow-ups ruled out', rsk, { 'RSK-02.practice': v('ad-hoc') }, 1, 2],
    ['both follow-ups of RSK-02 apply', rsk, { 'RSK-02.practice': v('documented') }, 1, 3],
    ['an answer outside the plan does not count', acc, { 'GOV-01.x': v('yes') }, 0, 3],
  ])('%s', (_name, p, answers, answered, total) => {
    expect(progress(p, answers)).toEqual({ answered, total });
  });
  test('with nothing answered the total counts every question of the plan', () => {
    const security = plan(SECURITY);
    expect(progress(security, {})).toEqual({
      answered: 0,
      total: security.reduce((n, p) => n + p.questions.length, 0),
    });
  });
});

describe('recommendedScope', () => {
  test.each([
    [{}, []],
    [{ 'availability.sla': 'yes' }, ['availability']],
    [{ 'availability.sla': 'no', 'availability.critical': 'not-sure', 'privacy.collect': 'no' }, []],
    [
      { 'privacy.commitments': 'yes', 'availability.asked': 'yes', 'confidentiality.data': 'no' },
      ['availability', 'privacy'],
    ],
    [
      {
        'processing-integrity.accuracy': 'yes',
        'confidentiality.commitments': 'yes',
        'privacy.collect': 'yes',
        'availability.critical': 'yes',
      },
      ['availability', 'confidentiality', 'processing-integrity', 'privacy'],
    ],
    [{ 'security.anything': 'yes', 'availability.sla': 'YES' }, []],
  ] as [Record<string, string>, string[]][])('%j → %j', (answers, expected) => {
    expect(recommendedScope(content, answers)).toEqual(expected);
  });
});
