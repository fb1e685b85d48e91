import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import type { Control, Question } from '../src/catalog/types.js';
import { DEFAULT_THRESHOLDS } from '../src/config.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import { applies, planControls, type Answer, type Answers } from '../src/questionnaire/plan.js';
import { assess, percent, scoreControl, scoreQuestion, statusOf, type Assessment } from '../src/scoring.js';
import { readQuestionnaire } from '../src/project/workspace.js';
import { catalog, content } from './helpers/world.js';

// ---- a tiny hand-built world (the catalog and default question come from helpers/world.ts) ------
const yesNo = [
  { value: 'yes', label: 'Yes', score: 1 },
  { value: 'partly', label: 'Partly', score: 0.5 },
  { value: 'no', label: 'No', score: 0 },
];
const q = (id: string, when?: Question['when']): Question => ({
  id,
  text: `${id}?`,
  choices: yesNo,
  ...(when ? { when } : {}),
});
function control(id: string, criteria: string[], weight = 1, questions: Question[] = [q(`${id}.a`)]): Control {
  return {
    id,
    title: `Control ${id}`,
    criteria,
    links: criteria.map((c) => ({ id: c, role: 'primary' })),
    key: false,
    weight,
    evidence: [],
    questions,
    location: { file: 'x.yaml' },
    criteriaLocations: [],
    questionLocations: [],
  };
}
const a = (value: string, extra: Partial<Answer> = {}): Answer => ({ value, ...extra });
const SEC = new Set(['security']);
const run = (
  controls: Control[],
  answers: Answers,
  scope: ReadonlySet<string> = SEC,
  more: Partial<Parameters<typeof assess>[0]> = {},
) => assess({ catalog, plan: planControls(catalog, controls, scope, content), answers, scope, ...more });
const crit = (r: Assessment, id: string) => r.criteria.find((c) => c.id === id)!;
const cat = (r: Assessment, id: string) => r.categories.find((c) => c.id === id)!;

describe('question score', () => {
  const parent = q('X.a');
  const follow = q('X.b', { question: 'X.a', in: ['yes'] });
  test.each([
    [
      'a choice scores its score',
      parent,
      { 'X.a': a('partly') },
      'answered',
      0.5,
      { label: 'Partly', value: 'partly' },
    ],
    ['not-sure scores 0', parent, { 'X.a': a('not-sure') }, 'not-sure', 0, { label: 'Not sure' }],
    [
      'not-applicable does not count',
      parent,
      { 'X.a': a('not-applicable', { reason: 'No laptops' }) },
      'not-applicable',
      undefined,
      { reason: 'No laptops' },
    ],
    ['unanswered scores 0', parent, {}, 'unanswered', 0, {}],
    [
      'a value that is no choice is invalid and scores 0',
      parent,
      { 'X.a': a('maybe') },
      'invalid',
      0,
      { value: 'maybe' },
    ],
    [
      'a follow-up whose condition is unmet is not asked',
      follow,
      { 'X.a': a('no'), 'X.b': a('yes') },
      'not-asked',
      undefined,
      {},
    ],
    ['a follow-up whose parent is unanswered is not asked', follow, {}, 'not-asked', undefined, {}],
    [
      'a follow-up whose condition is met counts',
      follow,
      { 'X.a': a('yes'), 'X.b': a('no') },
      'answered',
      0,
      { label: 'No' },
    ],
  ] as [string, Question, Answers, string, number | undefined, object][])(
    '%s',
    (_name, question, answers, state, score, extra) => {
      const result = scoreQuestion(question, 'X', answers);
      expect(result).toMatchObject({ id: question.id, controlId: 'X', state, ...extra });
      expect(result.score).toBe(score);
    },
  );
});

describe('control score', () => {
  const c = control('X', ['CC1.1'], 1, [q('X.a'), q('X.b'), q('X.c'), q('X.d', { question: 'X.a', in: ['yes'] })]);
  const planned = planControls(catalog, [c], SEC, content)[0]!;
  test.each([
    [
      'mean of counted questions (N/A and not-asked left out)',
      { 'X.a': a('yes'), 'X.b': a('partly'), 'X.c': a('not-applicable', { reason: 'r' }), 'X.d': a('partly') },
      2 / 3,
      'partial',
    ],
    [
      'capped by the gate (the first question): min(0.5, (0.5 + 1) / 2)',
      { 'X.a': a('partly'), 'X.b': a('yes'), 'X.c': a('not-applicable', { reason: 'r' }) },
      0.5,
      'partial',
    ],
    ['unanswered and not-sure count as 0', { 'X.a': a('yes'), 'X.b': a('not-sure'), 'X.d': a('yes') }, 0.5, 'partial'],
    [
      'an invalid value counts as 0',
      { 'X.a': a('yes'), 'X.b': a('yes'), 'X.c': a('gone'), 'X.d': a('yes') },
      0.75,
      'partial',
    ],
    ['all answered fully is 1', { 'X.a': a('yes'), 'X.b': a('yes'), 'X.c': a('yes'), 'X.d': a('yes') }, 1, 'ready'],
    ['nothing answered is 0', {}, 0, 'gap'],
  ])('%s', (_name, answers, score, status) => {
    const r = scoreControl(planned, answers, DEFAULT_THRESHOLDS);
    expect(r.score).toBeCloseTo(score, 12);
    expect(r.status).toBe(status);
  });
  test('all questions N/A → score null, status not-applicable', () => {
    const na = a('not-applicable', { reason: 'r' });
    const r = scoreControl(planned, { 'X.a': na, 'X.b': na, 'X.c': na }, DEFAULT_THRESHOLDS);
    expect([r.score, r.status, r.questions.map((x) => x.state)]).toEqual([
      null,
      'not-applicable',
      ['not-applicable', 'not-applicable', 'not-applicable', 'not-asked'],
    ]);
  });
  test('a control without questions is scored on its default question', () => {
    const r = run([control('D', ['CC1.1'], 1, [])], { 'D.in-place': a('operating') });
    expect(r.controls[0]!.questions.map((x) => [x.id, x.state, x.score])).toEqual([['D.in-place', 'answered', 1]]);
  });
});

describe('assessment lists', () => {
  const controls = [
    control('A', ['CC1.1'], 1, [
      q('A.a'),
      q('A.b'),
      q('A.c'),
      q('A.d'),
      q('A.e'),
      q('A.f', { question: 'A.a', in: ['yes'] }),
    ]),
  ];
  const r = run(controls, {
    'A.a': a('no'),
    'A.b': a('not-sure', { note: 'ask IT' }),
    'A.c': a('not-applicable', { reason: 'No office' }),
    'A.e': a('sometimes'),
    'A.f': a('yes'),
  });
  test('not-sure, unanswered, not-applicable (with reason) and invalid questions are listed', () => {
    expect(r.notSure.map((x) => [x.id, x.note])).toEqual([['A.b', 'ask IT']]);
    expect(r.unanswered.map((x) => x.id)).toEqual(['A.d']);
    expect(r.notApplicable.map((x) => [x.id, x.reason])).toEqual([['A.c', 'No office']]);
    expect(r.invalid.map((x) => [x.id, x.value, x.score])).toEqual([['A.e', 'sometimes', 0]]);
    expect(r.controls[0]!.questions.find((x) => x.id === 'A.f')!.state).toBe('not-asked');
    expect(r.controls[0]!.score).toBe(0);
  });
});

describe('criteria, categories and overall', () => {
  const controls = [
    control('HEAVY', ['CC1.1'], 3),
    control('LIGHT', ['CC1.1', 'P1.1'], 1),
    control('TWO', ['CC1.2'], 2),
    control('AV', ['A1.1'], 1),
    control('PRIV', ['P1.1'], 3),
  ];
  const answers = {
    'HEAVY.a': a('yes'),
    'LIGHT.a': a('no'),
    'TWO.a': a('partly'),
    'AV.a': a('yes'),
    'PRIV.a': a('no'),
  };
  const r = run(controls, answers, new Set(['security', 'availability']));
  test('criterion = weight-weighted mean of its controls (3×1 + 1×0) / 4', () => {
    expect(crit(r, 'CC1.1')).toMatchObject({
      score: 0.75,
      status: 'partial',
      controls: ['HEAVY', 'LIGHT'],
      inScope: true,
    });
    expect(crit(r, 'CC1.2')).toMatchObject({ score: 0.5, status: 'partial', controls: ['TWO'] });
  });
  test('a criterion with no control is unmapped and scores 0', () => {
    expect(crit(r, 'CC2.1')).toMatchObject({ score: 0, status: 'unmapped', controls: [] });
  });
  test('an out-of-scope criterion and category are out-of-scope with null score, and never gaps', () => {
    expect(crit(r, 'P1.1')).toMatchObject({ score: null, status: 'out-of-scope', inScope: false, controls: [] });
    expect(cat(r, 'privacy')).toEqual({
      id: 'privacy',
      name: 'Privacy',
      inScope: false,
      score: null,
      status: 'out-of-scope',
      criteria: 1,
    });
    expect(r.controls.map((c) => c.id)).toEqual(['HEAVY', 'LIGHT', 'TWO', 'AV']);
    expect(r.controls.find((c) => c.id === 'LIGHT')!.criteria).toEqual(['CC1.1']);
    expect(r.gaps.map((c) => c.id)).toEqual(['TWO', 'LIGHT']);
  });
  test('category = mean of its criteria; overall = mean of all in-scope criteria (not of categories)', () => {
    expect(cat(r, 'security')).toMatchObject({ score: (0.75 + 0.5 + 0) / 3, status: 'gap', criteria: 3 });
    expect(cat(r, 'availability')).toMatchObject({ score: 1, status: 'ready', criteria: 1 });
    expect(r.overall.score).toBeCloseTo((0.75 + 0.5 + 0 + 1) / 4, 12);
    expect(r.overall.status).toBe('partial');
  });
  test('an excluded criterion is excluded with its reason and leaves the averages', () => {
    const exclusions = [{ criterion: 'CC2.1', reason: 'Handled by the parent company' }];
    const x = run(controls, answers, SEC, { exclusions });
    expect(crit(x, 'CC2.1')).toMatchObject({
      status: 'excluded',
      score: null,
      excludedReason: 'Handled by the parent company',
    });
    expect(cat(x, 'security').score).toBe((0.75 + 0.5) / 2);
    expect(x.overall).toEqual({ score: 0.625, status: 'partial' });
    expect(x.excluded).toEqual(exclusions);
  });
  test('a criterion whose controls are all N/A is not-applicable and leaves the averages', () => {
    const x = run([control('N', ['CC1.1']), control('M', ['CC1.2'])], {
      'N.a': a('not-applicable', { reason: 'r' }),
      'M.a': a('yes'),
    });
    expect(crit(x, 'CC1.1')).toMatchObject({ status: 'not-applicable', score: null, controls: ['N'] });
    expect(x.controls[0]).toMatchObject({ id: 'N', score: null, status: 'not-applicable' });
    expect(cat(x, 'security').score).toBe(0.5); // (1 + unmapped 0) / 2
    expect(x.gaps).toEqual([]);
  });
  test('a category whose criteria are all not-applicable has a null score', () => {
    const x = run(
      [control('AV', ['A1.1'])],
      { 'AV.a': a('not-applicable', { reason: 'r' }) },
      new Set(['security', 'availability']),
    );
    expect(cat(x, 'availability')).toMatchObject({ score: null, status: 'not-applicable' });
  });
});

describe('status bands and percent', () => {
  test.each([
    [1, 'ready'],
    [0.8, 'ready'],
    [0.7999, 'partial'],
    [0.5, 'partial'],
    [0.4999, 'gap'],
    [0.49, 'gap'],
    [0, 'gap'],
  ] as const)('default thresholds: %p → %s', (score, status) => {
    expect(statusOf(score, DEFAULT_THRESHOLDS)).toBe(status);
  });
  test.each([
    [0.95, 'ready'],
    [0.9, 'ready'],
    [0.899, 'partial'],
    [0.3, 'partial'],
    [0.29, 'gap'],
  ] as const)('custom thresholds 90/30: %p → %s', (score, status) => {
    expect(statusOf(score, { ready: 90, partial: 30 })).toBe(status);
  });
  test.each([
    [null, null],
    [0, 0],
    [1, 100],
    [0.8, 80],
    [0.7999, 79],
    [0.999, 99],
    [0.29, 29],
    [0.57, 57],
    [0.005, 0],
    [2 / 3, 66],
  ])('percent(%p) = %p (floors, immune to float noise)', (score, expected) => {
    expect(percent(score)).toBe(expected);
  });
  test('custom thresholds flow through assess and are reported', () => {
    const t = { ready: 40, partial: 20 };
    const r = run(
      [control('A', ['CC1.1']), control('B', ['CC1.2']), control('C', ['CC2.1'])],
      { 'A.a': a('partly'), 'B.a': a('no'), 'C.a': a('yes') },
      SEC,
      { thresholds: t },
    );
    expect(r.controls.map((c) => c.status)).toEqual(['ready', 'gap', 'ready']);
    // 50 % is ready under these bands, but CC1.2 is a gap, so the overall status stops at partial.
    expect(r.overall).toEqual({ score: 0.5, status: 'partial', cappedBy: ['CC1.2'] });
    expect(r.thresholds).toEqual(t);
    expect(run([], {}).thresholds).toEqual({ ready: 80, partial: 50 });
  });
});

describe('gaps', () => {
  test('gaps are partial and gap controls: those of gap criteria first, then heaviest, lowest readiness, plan order', () => {
    const controls = [
      control('L1', ['CC2.1'], 1),
      control('H1', ['CC1.2'], 3),
      control('M1', ['CC1.1'], 2),
      control('H2', ['CC1.1'], 3),
      control('OK', ['CC1.1'], 3),
      control('L2', ['CC1.1'], 1),
      control('H3', ['CC1.1'], 3),
    ];
    const r = run(controls, { 'OK.a': a('yes'), 'L2.a': a('partly'), 'M1.a': a('partly'), 'H3.a': a('partly') });
    expect(r.controls.map((c) => c.id)).toEqual(['M1', 'H2', 'OK', 'L2', 'H3', 'H1', 'L1']);
    // CC1.2 (H1 only) and CC2.1 (L1 only) are gap criteria; CC1.1 is partial (6 / 12 = 50 %).
    expect(r.gaps.map((c) => [c.id, c.status])).toEqual([
      ['H1', 'gap'],
      ['L1', 'gap'],
      ['H2', 'gap'],
      ['H3', 'partial'],
      ['M1', 'partial'],
      ['L2', 'partial'],
    ]);
  });
});

describe('a better answer that opens an unanswered follow-up (the documented exception to monotonicity)', () => {
  // Deliberate rule (README, "How the score works"): an opened follow-up joins the mean and counts 0
  // until answered, because unknowns are never ready. So raising the gate can lower the control until
  // the follow-up is answered: practice mostly (0.9) + scope 1 = min(0.9, 0.95) = 0.9; practice fully (1)
  // opens "trigger", unanswered → min(1, (1 + 1 + 0) / 3) = 0.667; answered 1 → 1.
  const c = control('R', ['CC1.1'], 1, [
    {
      id: 'R.practice',
      text: '?',
      choices: [
        { value: 'mostly', label: 'm', score: 0.9 },
        { value: 'fully', label: 'f', score: 1 },
      ],
    },
    q('R.scope', { question: 'R.practice', in: ['mostly', 'fully'] }),
    q('R.trigger', { question: 'R.practice', in: ['fully'] }),
  ]);
  const score = (practice: string) => run([c], { 'R.practice': a(practice), 'R.scope': a('yes') }).controls[0]!.score!;
  test('the current numbers', () => {
    expect(score('mostly')).toBeCloseTo(0.9, 12);
    expect(score('fully')).toBeCloseTo(2 / 3, 12);
  });
  test('the opened follow-up is listed as unanswered, and answering it lifts the control above the old score', () => {
    const opened = run([c], { 'R.practice': a('fully'), 'R.scope': a('yes') });
    expect(opened.unanswered.map((x) => x.id)).toEqual(['R.trigger']);
    const answered = run([c], { 'R.practice': a('fully'), 'R.scope': a('yes'), 'R.trigger': a('yes') }).controls[0]!
      .score!;
    expect(answered).toBe(1);
    expect(answered).toBeGreaterThan(score('mostly'));
  });
});

// ---- properties over the real catalog and built-in controls ----------------------------------
const real = readBuiltinCatalog();
const builtin = loadControlsDir(builtinControlsDir, packageRoot).controls;
const qc = readQuestionnaire();
const optional = real.categories.filter((c) => c.optional).map((c) => c.id);
const allQuestions = builtin.flatMap((c) => c.questions.map((question) => ({ control: c, question })));
const isPrivacyOnly = (c: Control) => c.criteria.every((id) => id.startsWith('P') && !id.startsWith('PI'));

/** One code per question: below choices.length a choice, then not-sure, not-applicable, missing. */
function answersFrom(codes: readonly number[], pick: (c: Control) => boolean = () => true): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  allQuestions.forEach(({ control: c, question }, i) => {
    if (!pick(c)) return;
    const k = codes[i]! % (question.choices.length + 3);
    if (k < question.choices.length) out[question.id] = { value: question.choices[k]!.value };
    else if (k === question.choices.length) out[question.id] = { value: 'not-sure' };
    else if (k === question.choices.length + 1) out[question.id] = { value: 'not-applicable', reason: 'random' };
  });
  return out;
}
const codesArb = fc.array(fc.nat(1000), { minLength: allQuestions.length, maxLength: allQuestions.length });
const scopeArb = fc.subarray(optional).map((s) => new Set(['security', ...s]));
const assessReal = (answers: Answers, scope: ReadonlySet<string>) =>
  assess({ catalog: real, plan: planControls(real, builtin, scope, qc), answers, scope });
const allScores = (r: Assessment) => [
  r.overall.score,
  ...r.categories.map((c) => c.score),
  ...r.criteria.map((c) => c.score),
  ...r.controls.map((c) => c.score),
];
const runs = { numRuns: 200 };

describe('properties over the built-in library', () => {
  test('guard: the library is loaded and has follow-ups and privacy-only controls', () => {
    expect(builtin.length).toBeGreaterThanOrEqual(100);
    expect(allQuestions.some((x) => x.question.when)).toBe(true);
    expect(builtin.filter(isPrivacyOnly).map((c) => c.id)).toContain('PRV-01');
  });

  test('(a) every score is in [0, 1] or null', () => {
    fc.assert(
      fc.property(codesArb, scopeArb, (codes, scope) => {
        const r = assessReal(answersFrom(codes), scope);
        for (const s of allScores(r)) expect(s === null || (s >= 0 && s <= 1)).toBe(true);
        for (const x of r.controls.flatMap((c) => c.questions))
          expect(x.score === undefined || (x.score >= 0 && x.score <= 1)).toBe(true);
      }),
      runs,
    );
  });

  test('(b) raising one answer never lowers any score (when it does not change which follow-ups apply)', () => {
    fc.assert(
      fc.property(codesArb, scopeArb, fc.nat(), fc.nat(), (codes, scope, which, step) => {
        const answers = answersFrom(codes);
        const candidates = allQuestions.filter(({ question }) =>
          question.choices.some((c) => c.value === answers[question.id]?.value),
        );
        fc.pre(candidates.length > 0);
        const { question } = candidates[which % candidates.length]!;
        const current = question.choices.find((c) => c.value === answers[question.id]!.value)!;
        const higher = question.choices.filter((c) => c.score > current.score);
        fc.pre(higher.length > 0);
        const raised = { ...answers, [question.id]: { value: higher[step % higher.length]!.value } };
        const dependants = allQuestions.filter((x) => x.question.when?.question === question.id).map((x) => x.question);
        fc.pre(dependants.every((d) => applies(d, answers) === applies(d, raised)));
        const before = allScores(assessReal(answers, scope));
        const after = allScores(assessReal(raised, scope));
        after.forEach((s, i) => {
          if (s !== null) expect(s).toBeGreaterThanOrEqual(before[i]! - 1e-12);
          else expect(before[i]).toBeNull();
        });
      }),
      runs,
    );
  });

  test('(c) marking one question N/A never changes another control’s score', () => {
    fc.assert(
      fc.property(codesArb, scopeArb, fc.nat(), (codes, scope, which) => {
        const answers = answersFrom(codes);
        const { control: target, question } = allQuestions[which % allQuestions.length]!;
        const marked = { ...answers, [question.id]: { value: 'not-applicable', reason: 'prop' } };
        const score = (r: Assessment) => r.controls.filter((c) => c.id !== target.id).map((c) => [c.id, c.score]);
        expect(score(assessReal(marked, scope))).toEqual(score(assessReal(answers, scope)));
      }),
      runs,
    );
  });

  test('(d) answers for controls outside the plan never change the result', () => {
    fc.assert(
      fc.property(codesArb, codesArb, scopeArb, (codes, extra, scope0) => {
        const scope = new Set([...scope0].filter((c) => c !== 'privacy'));
        const base = answersFrom(codes, (c) => !isPrivacyOnly(c));
        const withPrivacy = { ...base, ...answersFrom(extra, isPrivacyOnly) };
        expect(assessReal(withPrivacy, scope)).toEqual(assessReal(base, scope));
      }),
      runs,
    );
  });
});
