// The governance, people, risk, vendor, continuity, confidentiality, processing-integrity and privacy files of the
// built-in library: which controls are key, how their links are set, and which answers count as fully ready.
import { describe, expect, test } from '@jest/globals';
import { homeCategory, linksOf } from '../src/catalog/control-scope.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import { planControls } from '../src/questionnaire/plan.js';
import { readQuestionnaire } from '../src/project/workspace.js';

const catalog = readBuiltinCatalog();
const { controls } = loadControlsDir(builtinControlsDir, packageRoot);
const byId = new Map(controls.map((c) => [c.id, c]));
const FAMILIES = ['GOV', 'HR', 'RSK', 'VND', 'BCP', 'CNF', 'PRI', 'PRV'];

/** Controls without which an auditor would raise an exception on their criteria (issue 12, review 3.6). */
const KEY_ORGANISATIONAL = [
  'GOV-01', // code of conduct and a route to raise concerns
  'GOV-02', // board oversight of security
  'GOV-05', // named security lead
  'GOV-06', // policies approved and reviewed
  'GOV-10', // system description with boundaries and commitments
  'HR-01', // background checks
  'HR-02', // security training
  'HR-05', // leavers: accounts disabled, equipment back
  'RSK-02', // risk assessment
  'RSK-04', // fraud risk
  'RSK-09', // deficiencies tracked to closure
  'VND-01', // vendor inventory
  'VND-03', // subservice organisations' reports reviewed, controls relied on listed
  'BCP-01', // continuity plan
  'BCP-02', // disaster recovery plan
  'BCP-03', // backups
  'BCP-04', // restore tests
  'BCP-05', // disaster recovery test
  'CNF-01', // classification
  'CNF-05', // retention schedule
  'CNF-06', // deletion at contract end
  'PRI-02', // input validation
  'PRI-03', // processing completeness
  'PRV-01', // privacy notice
  'PRV-08', // access requests
  'PRV-13', // data processing agreements
  'PRV-15', // breach notice
];

const familyOf = (id: string) => id.split('-')[0]!;
const score = (questionId: string, value: string) => {
  const control = byId.get(questionId.split('.')[0]!)!;
  return control.questions.find((q) => q.id === questionId)!.choices.find((c) => c.value === value)!.score;
};

describe('key controls of the organisational files', () => {
  test('exactly the pinned controls are key', () => {
    const key = controls.filter((c) => c.key && FAMILIES.includes(familyOf(c.id))).map((c) => c.id);
    expect(key.sort()).toEqual([...KEY_ORGANISATIONAL].sort());
  });

  test('every key control opens with an unconditional gate question', () => {
    const conditional = KEY_ORGANISATIONAL.filter((id) => byId.get(id)!.questions[0]!.when !== undefined);
    expect(conditional).toEqual([]);
  });
});

describe('links and home categories', () => {
  const primary = (id: string) =>
    linksOf(byId.get(id)!)
      .filter((l) => l.role === 'primary')
      .map((l) => l.id);
  const supporting = (id: string) =>
    linksOf(byId.get(id)!)
      .filter((l) => l.role === 'supporting')
      .map((l) => l.id);

  test('backups, restore tests and the recovery test are primary for CC7.5 and CC9.1', () => {
    for (const id of ['BCP-03', 'BCP-04', 'BCP-05'])
      expect([id, primary(id)]).toEqual([id, expect.arrayContaining(['CC7.5', 'CC9.1'])]);
  });

  test('classification and the data map serve CC2.1; the support inbox does not', () => {
    expect(primary('CNF-01')).toContain('CC2.1');
    expect(primary('CNF-02')).toContain('CC2.1');
    expect(linksOf(byId.get('GOV-11')!).map((l) => l.id)).not.toContain('CC2.1');
  });

  test('the speak-up route supports CC2.2 and CC2.3; leavers serve CC6.4', () => {
    expect(supporting('GOV-01')).toEqual(['CC2.2', 'CC2.3']);
    expect(primary('HR-05')).toEqual(['CC6.2', 'CC6.3', 'CC6.4']);
  });

  test('Privacy and Processing Integrity controls keep their common-criteria links only as supporting links', () => {
    const optional = controls.filter((c) => ['PRV', 'PRI'].includes(familyOf(c.id)));
    expect(optional.length).toBe(25);
    const leaks = optional.filter((c) => primary(c.id).some((id) => id.startsWith('CC'))).map((c) => c.id);
    expect(leaks).toEqual([]);
    expect(optional.filter((c) => !['privacy', 'processing-integrity'].includes(homeCategory(catalog, c)!))).toEqual(
      [],
    );
  });

  test('a Security-only plan asks the backup and restore controls and the new governance controls', () => {
    const asked = planControls(catalog, controls, new Set(['security']), readQuestionnaire()).map((p) => p.control.id);
    expect(['BCP-03', 'BCP-04', 'BCP-05', 'GOV-12', 'GOV-13', 'CNF-01'].filter((id) => !asked.includes(id))).toEqual(
      [],
    );
  });
});

describe('calibrated to what an auditor accepts', () => {
  test.each([
    ['BCP-04.tests', 'yearly', 1], // a recorded yearly restore test
    ['BCP-05.test', 'walkthrough', 1], // a recorded walkthrough of the recovery plan
    ['HR-05.trigger', 'ticket', 1], // a tracked HR ticket, without HR-to-identity automation
    ['RSK-08.practice', 'yearly', 1], // a yearly independent check of samples
    ['PRI-07.restore', 'recent', 1], // a restore within 12 months
    ['GOV-03.independence', 'founders-only', 0.5], // small companies run by their founders
  ])('%s = %s scores %d', (question, value, expected) => {
    expect(score(question, value)).toBe(expected);
  });
});
