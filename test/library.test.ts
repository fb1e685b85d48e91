// What the built-in library promises an auditor-minded reader: the key controls are marked and say what to
// do from every weaker answer, choices run from weakest to strongest, every control has a home category,
// a Security-only plan asks no Privacy or Processing Integrity control, and one key control at its worst keeps
// its criteria and the overall status from Ready.
import { describe, expect, test } from '@jest/globals';
import { homeCategory, linksOf } from '../src/catalog/control-scope.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import type { Question } from '../src/catalog/types.js';
import { planControls, type Answers, type PlannedControl } from '../src/questionnaire/plan.js';
import { assess, type Assessment } from '../src/scoring.js';
import { readQuestionnaire } from '../src/project/workspace.js';
import { runCli } from './helpers/run-cli.js';

const catalog = readBuiltinCatalog();
const content = readQuestionnaire();
const { controls } = loadControlsDir(builtinControlsDir, packageRoot);
const byId = new Map(controls.map((c) => [c.id, c]));
const securityOnly = new Set(['security']);

/**
 * The controls without which an auditor would raise an exception on their criteria (issue 12's list and
 * review section 3.6). Technical files: access, cryptography, change, vulnerabilities, monitoring,
 * incidents, tenancy.
 */
const KEY_TECHNICAL = [
  'ACC-03', // MFA
  'ACC-05', // access approved before it is granted
  'ACC-07', // leavers' access removed
  'ACC-08', // access reviews
  'ACC-09', // privileged access
  'ACC-13', // one named account per person
  'CRY-01', // encryption at rest
  'CRY-02', // encryption in transit
  'CHG-02', // review before merge
  'CHG-04', // segregation in deploys
  'VUL-02', // vulnerability scanning and fix deadlines
  'MON-01', // logging
  'MON-02', // alerting
  'INC-01', // incident response plan
  'TEN-01', // customer data kept apart
];

describe('key controls of the built-in library', () => {
  test('exactly the pinned controls of the technical files are key (test/library-governance.test.ts pins the rest)', () => {
    const technical = ['ACC', 'CRY', 'END', 'NET', 'PHY', 'CHG', 'VUL', 'MON', 'INC', 'TEN'];
    const key = controls.filter((c) => c.key && technical.includes(c.id.split('-')[0]!)).map((c) => c.id);
    expect(key.sort()).toEqual([...KEY_TECHNICAL].sort());
  });

  test('every technical key control opens with an unconditional gate question and has no other gate', () => {
    const badGate = KEY_TECHNICAL.filter((id) => {
      const [first, ...rest] = byId.get(id)!.questions;
      return first!.when !== undefined || rest.some((q) => q.gate);
    });
    expect(badGate).toEqual([]);
  });

  test('every choice of a key control that is not the best says what to do next', () => {
    const missing = controls
      .filter((c) => c.key)
      .flatMap((c) =>
        c.questions.flatMap((q) => q.choices.filter((x) => x.score < 1 && !x.next).map((x) => `${q.id}=${x.value}`)),
      );
    expect(missing).toEqual([]);
  });

  test('a next step is never the control remediation copied', () => {
    const copies = controls.flatMap((c) =>
      c.questions.flatMap((q) => q.choices.filter((x) => x.next === c.remediation).map((x) => `${q.id}=${x.value}`)),
    );
    expect(copies).toEqual([]);
  });
});

describe('choices and categories', () => {
  test('every question lists its choices from the weakest to the strongest', () => {
    const unordered = controls.flatMap((c) =>
      c.questions.filter((q) => q.choices.some((x, i) => i > 0 && x.score < q.choices[i - 1]!.score)).map((q) => q.id),
    );
    expect(unordered).toEqual([]);
  });

  test('every control has a home category, written or taken from its first primary link', () => {
    const categories = new Set(catalog.categories.map((c) => c.id));
    const homeless = controls.filter((c) => !categories.has(homeCategory(catalog, c) ?? '')).map((c) => c.id);
    expect(homeless).toEqual([]);
  });

  test('capacity and uptime monitoring live in Availability; tenancy and email controls in Security', () => {
    const home = (id: string) => homeCategory(catalog, byId.get(id)!);
    expect(['MON-06', 'MON-07'].map(home)).toEqual(['availability', 'availability']);
    expect(['TEN-01', 'TEN-02', 'TEN-03', 'NET-06', 'ACC-13'].map(home)).toEqual(Array(5).fill('security'));
  });

  test('access and encryption controls only support C1.1; the confidentiality controls are its primary links', () => {
    const primaryFor = (criterion: string) =>
      controls.filter((c) => linksOf(c).some((l) => l.id === criterion && l.role === 'primary')).map((c) => c.id);
    const supportingFor = (criterion: string) =>
      controls.filter((c) => linksOf(c).some((l) => l.id === criterion && l.role === 'supporting')).map((c) => c.id);
    for (const id of ['ACC-01', 'ACC-10', 'CRY-01', 'END-06', 'CHG-07', 'TEN-01', 'TEN-03'])
      expect([id, supportingFor('C1.1').includes(id)]).toEqual([id, true]);
    expect(primaryFor('C1.1').every((id) => id.startsWith('CNF-'))).toBe(true);
  });
});

describe('what a Security-only plan asks', () => {
  const plan = planControls(catalog, controls, securityOnly, content);
  const asked = new Set(plan.map((p) => p.control.id));

  test('no Privacy or Processing Integrity control is asked unless it is primary for a common criterion', () => {
    const leaks = plan
      .filter((p) => ['privacy', 'processing-integrity'].includes(p.home ?? ''))
      .filter((p) => !linksOf(p.control).some((l) => l.role === 'primary' && l.id.startsWith('CC')))
      .map((p) => p.control.id);
    expect(leaks).toEqual([]);
  });

  test('availability-only monitoring is not asked', () => {
    expect(['MON-06', 'MON-07'].filter((id) => asked.has(id))).toEqual([]);
  });
});

test('with every category in scope, every key control of the library is asked', () => {
  const plan = planControls(catalog, controls, new Set(catalog.categories.map((c) => c.id)), content);
  const key = (ids: string[]) => ids.sort();
  expect(key(plan.filter((p) => p.control.key).map((p) => p.control.id))).toEqual(
    key(controls.filter((c) => c.key).map((c) => c.id)),
  );
});

describe('check on the built-in library (spawned)', () => {
  test('passes with every category in scope and with Security only', () => {
    const all = runCli(['check', '--scope', 'all']);
    expect([all.status, all.stderr]).toEqual([0, '']);
    expect(all.stdout).toContain('All 61 in-scope criteria are mapped or excluded; no errors.');
    const security = runCli(['check']);
    expect([security.status, security.stderr]).toEqual([0, '']);
    expect(security.stdout).toContain('All 33 in-scope criteria are mapped or excluded; no errors.');
  });
});

const scopes = [
  ['every category', new Set(catalog.categories.map((c) => c.id))],
  ['Security only', securityOnly],
] as const;

describe.each(scopes)('one key control at its worst, every other answer at its best (%s)', (name, scope) => {
  const plan = planControls(catalog, controls, scope, content);
  const pick = (q: Question, better: (a: number, b: number) => boolean) =>
    q.choices.reduce((chosen, c) => (better(c.score, chosen.score) ? c : chosen)).value;
  const answersFor = (planned: PlannedControl, better: (a: number, b: number) => boolean): Answers =>
    Object.fromEntries(planned.questions.map((q) => [q.id, { value: pick(q, better) }]));
  const best: Answers = Object.assign({}, ...plan.map((p) => answersFor(p, (a, b) => a > b)));
  const run = (answers: Answers) => assess({ catalog, plan, answers, scope });
  const notReady = (a: Assessment, ids: readonly string[]) =>
    ids.map((id) => [id, a.criteria.find((c) => c.id === id)!.status]).filter(([, s]) => s !== 'ready');

  test('with every answer at its best, every in-scope criterion and the overall status are Ready', () => {
    const a = run(best);
    const inScope = a.criteria.filter((c) => c.inScope).map((c) => c.id);
    expect(inScope.length).toBe(name === 'Security only' ? 33 : 61);
    expect(notReady(a, inScope)).toEqual([]);
    expect(a.overall.status).toBe('ready');
  });

  const keyPlanned = plan.filter((p) => p.control.key);
  test('every technical key control is asked', () => {
    const asked = keyPlanned.map((p) => p.control.id);
    expect(KEY_TECHNICAL.filter((id) => !asked.includes(id))).toEqual([]);
    expect(keyPlanned.length).toBeGreaterThanOrEqual(KEY_TECHNICAL.length);
  });

  test.each(keyPlanned.map((p) => [p.control.id, p] as const))(
    '%s at its worst: none of its criteria is Ready, nor the overall status',
    (_id, planned) => {
      const a = run({ ...best, ...answersFor(planned, (x, y) => x < y) });
      expect(planned.inScopeCriteria.length).toBeGreaterThan(0);
      expect(notReady(a, planned.inScopeCriteria)).toEqual(
        planned.inScopeCriteria.map((id) => [id, expect.anything()]),
      );
      expect(a.overall.status).not.toBe('ready');
    },
  );
});
