import { describe, expect, test } from '@jest/globals';
import type { Control } from '../src/catalog/types.js';
import type { Answer, Answers } from '../src/questionnaire/plan.js';
import { planControls } from '../src/questionnaire/plan.js';
import { assess } from '../src/scoring.js';
import { catalog, content, control, graded, question, scopeOf } from './helpers/world.js';

const a = (value: string, extra: Partial<Answer> = {}): Answer => ({ value, ...extra });
const run = (controls: Control[], answers: Answers, scope = scopeOf()) =>
  assess({ catalog, plan: planControls(catalog, controls, scope, content), answers, scope });
/** Answers every control's single question `<id>.a` with the given value. */
const each = (values: Record<string, string>): Answers =>
  Object.fromEntries(Object.entries(values).map(([id, v]) => [`${id}.a`, a(v)]));
const crit = (r: ReturnType<typeof run>, id: string) => r.criteria.find((c) => c.id === id)!;
/** Sixteen weight-3 controls on CC1.1, all answered "yes" (the review's CC6.1 with 17 controls). */
const sixteen = Array.from({ length: 16 }, (_, i) => control(`S${i + 1}`, ['CC1.1'], { weight: 3 }));
const sixteenYes = Object.fromEntries(sixteen.map((c) => [c.id, 'yes']));

describe('key controls cap their criteria', () => {
  test.each([
    { name: 'a key control at 0 caps its criterion at gap', key: true, value: 'no', status: 'gap', capped: true },
    { name: 'the same control, not key, is averaged away', key: false, value: 'no', status: 'ready', capped: false },
    { name: 'a partial key control caps at partial', key: true, value: 'partly', status: 'partial', capped: true },
    { name: 'a ready key control caps nothing', key: true, value: 'yes', status: 'ready', capped: false },
  ])('$name', ({ key, value, status, capped }) => {
    const mfa = control('MFA', ['CC1.1', 'CC1.2'], { weight: 3, key });
    const r = run([...sixteen, mfa, control('OTHER', ['CC1.2'])], each({ ...sixteenYes, MFA: value, OTHER: 'yes' }));
    // The score stays the honest average; only the status is capped.
    expect(crit(r, 'CC1.1').score).toBeCloseTo((48 + 3 * { no: 0, partly: 0.5, yes: 1 }[value]!) / 51, 12);
    expect(crit(r, 'CC1.1').status).toBe(status);
    expect(crit(r, 'CC1.2').status).toBe(capped ? status : crit(r, 'CC1.2').status);
    const cap = { control: 'MFA', status, score: { no: 0, partly: 0.5, yes: 1 }[value] };
    expect(crit(r, 'CC1.1').cappedBy).toEqual(capped ? cap : undefined);
    expect(r.controls.find((c) => c.id === 'MFA')!.key).toBe(key);
  });

  test('the weakest of two key controls caps (ties broken by the lower score)', () => {
    const k1 = control('K1', ['CC1.1'], { key: true });
    const k2 = control('K2', ['CC1.1'], { key: true });
    const r = run([...sixteen, k1, k2], each({ ...sixteenYes, K1: 'partly', K2: 'no' }));
    expect(crit(r, 'CC1.1').cappedBy).toEqual({ control: 'K2', status: 'gap', score: 0 });
  });

  test('"Not applicable" to a key control question counts as not ready and is listed', () => {
    const key = control('K', ['CC1.1'], { key: true });
    const plain = control('P', ['CC1.2']);
    const na = a('not-applicable', { reason: 'We think MFA does not apply' });
    const r = run([key, plain], { 'K.a': na, 'P.a': na });
    const k = r.controls.find((c) => c.id === 'K')!;
    expect([k.score, k.status, k.questions[0]!.state]).toEqual([0, 'gap', 'invalid']);
    expect(r.keyNotApplicable.map((q) => [q.id, q.reason])).toEqual([['K.a', 'We think MFA does not apply']]);
    expect(r.notApplicable.map((q) => q.id)).toEqual(['P.a']);
    expect(r.controls.find((c) => c.id === 'P')!.score).toBeNull();
  });
});

describe('the gate question caps the control: score = min(gate, mean of counted questions)', () => {
  const follow = (id: string) => question(id, { when: { question: 'G.gate', in: ['partly', 'yes'] } });
  const gated = (gateOn?: 'second') =>
    control('G', ['CC1.1'], {
      questions:
        gateOn === 'second'
          ? [question('G.gate'), question('G.b', { gate: true }), question('G.c')]
          : [question('G.gate'), follow('G.b'), follow('G.c')],
    });
  test.each([
    {
      name: 'gate 0.5 with perfect follow-ups stays partial',
      answers: ['partly', 'yes', 'yes'],
      score: 0.5,
      gate: 0.5,
    },
    { name: 'gate 1 leaves the mean', answers: ['yes', 'partly', 'yes'], score: 2.5 / 3, gate: 1 },
    { name: 'gate "Not sure" makes the control 0', answers: ['not-sure', 'yes', 'yes'], score: 0, gate: 0 },
    {
      name: 'a gate marked "gate: true" on the second question',
      answers: ['yes', 'partly', 'yes'],
      score: 0.5,
      gate: 0.5,
      gateOn: 'second' as const,
    },
    {
      name: 'a non-key gate answered N/A caps nothing',
      answers: ['partly', 'not-applicable', 'yes'],
      score: 0.75,
      gate: null,
      gateOn: 'second' as const,
    },
  ])('$name', ({ answers, score, gate, gateOn }) => {
    const [g, b, c] = answers.map((v) => a(v, v === 'not-applicable' ? { reason: 'r' } : {}));
    const r = run([gated(gateOn)], { 'G.gate': g!, 'G.b': b!, 'G.c': c! });
    const result = r.controls[0]!;
    expect(result.score).toBeCloseTo(score, 12);
    expect(result.gateScore).toBe(gate);
    expect(result.questions.filter((q) => q.gate).map((q) => q.id)).toEqual([gateOn ? 'G.b' : 'G.gate']);
  });

  test('a gate at 0.5 with perfect follow-ups is below ready, and so is its criterion', () => {
    const r = run([gated()], { 'G.gate': a('partly'), 'G.b': a('yes'), 'G.c': a('yes') });
    expect([r.controls[0]!.status, crit(r, 'CC1.1').status, crit(r, 'CC1.1').score]).toEqual([
      'partial',
      'partial',
      0.5,
    ]);
  });
});

describe('scope-true links', () => {
  test('an out-of-scope home category does not leak through a supporting link', () => {
    const prv = control('PRV', ['P1.1', '~CC1.1']);
    const sec = control('SEC', ['CC1.1']);
    const security = run([prv, sec], each({ PRV: 'no', SEC: 'yes' }));
    expect(security.controls.map((c) => c.id)).toEqual(['SEC']);
    expect([crit(security, 'CC1.1').score, crit(security, 'CC1.1').controls]).toEqual([1, ['SEC']]);
    expect(security.gaps).toEqual([]);
    const privacy = run([prv, sec], each({ PRV: 'no', SEC: 'yes' }), scopeOf('privacy'));
    expect([crit(privacy, 'CC1.1').score, crit(privacy, 'CC1.1').controls]).toEqual([0.5, ['PRV', 'SEC']]);
  });

  test('a primary link to an in-scope criterion is asked and scored even outside the home category', () => {
    const bak = control('BAK', ['A1.1', 'CC2.1']);
    const r = run([bak], each({ BAK: 'partly' }));
    expect([r.controls.map((c) => c.id), crit(r, 'CC2.1').score, r.controls[0]!.criteria]).toEqual([
      ['BAK'],
      0.5,
      ['CC2.1'],
    ]);
  });
});

describe('overall and category status cannot hide a gap criterion', () => {
  const controls = [
    control('C1', ['CC1.1']),
    control('C2', ['CC1.2']),
    control('C3', ['CC2.1']),
    control('AV', ['A1.1'], {
      questions: [question('AV.a', { choices: [...graded, { value: 'some', label: 'Some', score: 0.4 }] })],
    }),
  ];
  const answers = each({ C1: 'yes', C2: 'yes', C3: 'yes', AV: 'some' });
  test('one gap criterion: overall 85 % is partial, not ready, and names the criterion', () => {
    const r = run(controls, answers, scopeOf('availability'));
    expect(r.overall).toEqual({ score: 0.85, status: 'partial', cappedBy: ['A1.1'] });
    const byId = Object.fromEntries(r.categories.map((c) => [c.id, [c.status, c.cappedBy]]));
    expect(byId).toEqual({
      security: ['ready', undefined],
      availability: ['gap', undefined],
      privacy: ['out-of-scope', undefined],
    });
  });
  test('a partial criterion caps a ready category at partial', () => {
    const r = run(controls, { ...answers, 'C3.a': a('partly') });
    expect(r.categories[0]).toMatchObject({ id: 'security', status: 'partial', cappedBy: ['CC2.1'] });
    expect(r.overall.status).toBe('partial');
  });
  test('every criterion ready: ready, with no cap', () => {
    const r = run(controls.slice(0, 3), answers);
    expect(r.overall).toEqual({ score: 1, status: 'ready' });
  });
  test('an unmapped criterion caps like a gap', () => {
    const r = run(controls.slice(0, 2), answers);
    expect(r.overall).toEqual({ score: 2 / 3, status: 'partial' });
    expect(r.criteriaAtRisk.map((c) => [c.id, c.status, c.drivers])).toEqual([['CC2.1', 'unmapped', []]]);
  });
});

describe('criteria at risk and the order of gaps', () => {
  const controls = [
    control('W3', ['CC1.1'], { weight: 3 }),
    control('KEY', ['CC1.2'], { key: true }),
    control('W1', ['CC1.2'], { weight: 3 }),
    control('OK', ['CC1.2'], { weight: 3 }),
    control('HALF', ['CC2.1'], { weight: 2 }),
  ];
  const r = run(controls, each({ W3: 'partly', KEY: 'no', W1: 'partly', OK: 'yes', HALF: 'partly' }));
  test('criteria at risk: worst first, then catalog order, each with the controls that drive it', () => {
    expect(r.criteriaAtRisk).toEqual([
      {
        id: 'CC1.2',
        title: 'two',
        status: 'gap',
        score: (0 + 1.5 + 3) / 7,
        cappedBy: { control: 'KEY', status: 'gap', score: 0 },
        drivers: ['KEY', 'W1'],
      },
      { id: 'CC1.1', title: 'one', status: 'partial', score: 0.5, drivers: ['W3'] },
      { id: 'CC2.1', title: 'three', status: 'partial', score: 0.5, drivers: ['HALF'] },
    ]);
  });
  test('gaps: key controls of gap criteria first, then the rest of gap criteria, then by weight and readiness', () => {
    expect(r.gaps.map((c) => c.id)).toEqual(['KEY', 'W1', 'W3', 'HALF']);
  });
});

describe('answer-aware next steps', () => {
  const steps = control('N', ['CC1.1'], {
    questions: [
      question('N.a', {
        choices: [
          { value: 'no', label: 'No', score: 0, next: 'Write the plan this week.' },
          { value: 'stale', label: 'Stale', score: 0.5, next: 'Review the plan you have; it is over a year old.' },
          { value: 'yes', label: 'Yes', score: 1 },
        ],
      }),
      question('N.b', { choices: [...graded.slice(0, 2), { value: 'yes', label: 'Yes', score: 1, next: 'Keep it.' }] }),
    ],
  });
  const withRemediation = { ...steps, remediation: 'Generic remediation.' };
  test.each([
    {
      name: 'the chosen answer’s next is shown',
      answers: { 'N.a': 'stale', 'N.b': 'partly' },
      next: 'Review the plan you have; it is over a year old.',
    },
    {
      name: 'the weakest answer with a next wins',
      answers: { 'N.a': 'stale', 'N.b': 'yes' },
      next: 'Review the plan you have; it is over a year old.',
    },
    {
      name: 'another answer’s next when the weakest has none',
      answers: { 'N.a': 'yes', 'N.b': 'yes' },
      next: 'Keep it.',
    },
    {
      name: 'no next on any chosen answer: the remediation',
      answers: { 'N.a': 'yes', 'N.b': 'partly' },
      next: 'Generic remediation.',
    },
    { name: 'unanswered: the remediation', answers: {}, next: 'Generic remediation.' },
  ])('$name', ({ answers, next }) => {
    const r = run([withRemediation], Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, a(v)])));
    expect(r.controls[0]!.next).toBe(next);
    expect(r.controls[0]!.control.remediation).toBe('Generic remediation.');
  });
});

describe('the Markdown report says what capped a criterion and shows the answer-aware next step', () => {
  test('"Gap (capped by key control MFA at 0%)" and the chosen answer’s next step', async () => {
    const { reportFormats } = await import('../src/formats/registry.js');
    const mfa = control('MFA', ['CC1.1'], {
      weight: 3,
      key: true,
      questions: [
        question('MFA.a', {
          choices: [
            { value: 'no', label: 'No MFA', score: 0, next: 'Turn on MFA in the identity provider today.' },
            ...graded.slice(1),
          ],
        }),
      ],
    });
    const r = run([...sixteen, mfa], each({ ...sixteenYes, MFA: 'no' }));
    const meta = {
      answersFile: 'a.yaml',
      controlsSource: 'x',
      generatedAt: '2026-01-01T00:00:00.000Z',
      tool: { name: 'soc2-ready', version: '0' },
      staleAnswers: [],
    };
    const md = await reportFormats.md.render({
      assessment: r,
      catalog,
      meta,
      doc: { version: 1, scope: [], answers: {}, scoping: {}, controls: 'x' } as never,
      cwd: '.',
      location: { file: 'a.yaml' },
    });
    expect(md).toContain('| CC1.1 | one | Gap (capped by key control MFA at 0%) | 94% | S1, S2,');
    expect(md).toContain('| CC1.1 one | Gap (capped by key control MFA at 0%) | 94% | MFA |');
    expect(md).toContain('### 1. MFA Control MFA\n\n- Readiness: 0% (Gap), key control, weight 3, owner: Unassigned\n');
    expect(md).toContain('- Next step: Turn on MFA in the identity provider today.\n');
  });
});
