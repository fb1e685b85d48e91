// What the built-in library promises an auditor-minded reader: the key controls are marked and say what to
// do from every weaker answer, choices run from weakest to strongest, every control has a home category,
// a Security-only plan asks no Privacy or Processing Integrity control.
import { describe, expect, test } from '@jest/globals';
import { homeCategory, linksOf } from '../src/catalog/control-scope.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import { planControls } from '../src/questionnaire/plan.js';
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
  test('exactly the pinned controls of the technical files are key', () => {
    const technical = ['ACC', 'CRY', 'END', 'NET', 'PHY', 'CHG', 'VUL', 'MON', 'INC', 'TEN'];
    const key = controls.filter((c) => c.key && technical.includes(c.id.split('-')[0]!)).map((c) => c.id);
    expect(key.sort()).toEqual([...KEY_TECHNICAL].sort());
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
