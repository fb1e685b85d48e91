/**
 * OSCAL assessment results: semantics on a tiny hand-built world, validity under the vendored NIST
 * schemas 1.1.3 and 1.2.2 (examples rendered by the built CLI), a mutation table of invalid documents,
 * and the references the schema cannot check.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Control } from '../../src/catalog/types.js';
import { planControls, type Answers } from '../../src/questionnaire/plan.js';
import { assess } from '../../src/scoring.js';
import { toOscalAssessmentResults, type OscalInput } from '../../src/oscal/assessment-results.js';
import { SOC2_READY_NAMESPACE, uuidV5 } from '../../src/oscal/uuid.js';
import { oscalErrors, oscalSchemaText, OSCAL_SCHEMAS, type SchemaVersion } from '../helpers/oscal.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const VERSIONS = Object.keys(OSCAL_SCHEMAS) as SchemaVersion[];

const catalog: Catalog = {
  framework: 'test',
  version: '1',
  shortName: 'test',
  source: 'x',
  categories: [
    { id: 'security', name: 'Security', optional: false, summary: '' },
    { id: 'availability', name: 'Availability', optional: true, summary: '' },
  ],
  criteria: [
    { id: 'CC1.1', category: 'security', series: 'CC1 Control Environment', title: 'Integrity', pointsOfFocus: [] },
    { id: 'CC1.2', category: 'security', series: 'CC1 Control Environment', title: 'Oversight', pointsOfFocus: [] },
    { id: 'CC2.1', category: 'security', series: 'CC2 Communication', title: 'Information', pointsOfFocus: [] },
    { id: 'A1.1', category: 'availability', series: 'A1 Availability', title: 'Capacity', pointsOfFocus: [] },
  ],
};
const yesNo = [
  { value: 'yes', label: 'Yes', score: 1 },
  { value: 'no', label: 'No', score: 0 },
];
function control(id: string, criteria: string[], questions = ['a']): Control {
  return {
    id,
    title: `Control ${id}`,
    criteria,
    weight: 1,
    evidence: [],
    remediation: `Fix ${id}.`,
    questions: questions.map((q) => ({ id: `${id}.${q}`, text: `${id} ${q}?`, choices: yesNo })),
    location: { file: 'x.yaml' },
    criteriaLocations: [],
    questionLocations: [],
  };
}
const controls = [control('X1', ['CC1.1']), control('X2', ['CC1.2'], ['a', 'b']), control('X3', ['CC2.1'])];
const answers: Answers = {
  'X1.a': { value: 'yes', at: '2026-11-02T10:00:00Z' },
  'X2.a': { value: 'yes', at: '2026-11-01T09:00:00+01:00' },
  'X2.b': { value: 'not-sure', at: 'not a date' },
  'X3.a': { value: 'no', at: '2026-11-03T10:00:00Z' },
};

function input(over: Partial<OscalInput> = {}, scope = new Set(['security'])): OscalInput {
  const assessment = assess({
    catalog,
    plan: planControls(catalog, controls, scope, { defaultQuestion: { text: 'In place?', choices: yesNo } }),
    answers: over.answers ?? answers,
    scope,
    thresholds: { ready: 50, partial: 25 },
    exclusions: [],
  });
  return {
    assessment,
    organization: 'Acme Cloud',
    answersFile: 'compliance/answers.yaml',
    created: '2026-10-30T08:00:00Z',
    answers,
    tool: { name: 'soc2-ready', version: '9.9.9' },
    generatedAt: '2026-11-20T10:00:00.000Z',
    ...over,
  };
}
const ar = (i: OscalInput): Json => toOscalAssessmentResults(i)['assessment-results'];
const state = (doc: Json) =>
  Object.fromEntries(
    doc.results[0].findings.map((f: Json) => [
      f.target['target-id'],
      `${f.target.status.state}/${f.target.status.reason}`,
    ]),
  );

describe('uuidV5', () => {
  test('matches the RFC 9562 algorithm (Python uuid5 vectors)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(SOC2_READY_NAMESPACE).toBe('be9fa94c-4aea-5c03-a77b-bd273231829b');
  });
});

describe('vendored schemas', () => {
  test.each(VERSIONS)('%s is present with its pinned SHA-256', (version) => {
    expect(JSON.parse(oscalSchemaText(version)).$id).toContain(version);
  });
});

describe('toOscalAssessmentResults', () => {
  test('one finding per in-scope criterion; satisfied only when ready with nothing Not sure or unanswered', () => {
    expect(state(ar(input()))).toEqual({
      'CC1.1': 'satisfied/pass',
      'CC1.2': 'not-satisfied/other',
      'CC2.1': 'not-satisfied/fail',
    });
    const both = ar(input({}, new Set(['security', 'availability'])));
    expect(state(both)['A1.1']).toBe('not-satisfied/other');
    expect(both.results[0].findings.at(-1).description).toBe('No control maps to A1.1.');
    expect(both.results[0]['reviewed-controls']['control-selections'][0]['include-controls']).toEqual(
      ['CC1.1', 'CC1.2', 'CC2.1', 'A1.1'].map((id) => ({ 'control-id': id })),
    );
  });

  test('an unanswered question keeps a ready criterion not satisfied', () => {
    const partial: Answers = { ...answers, 'X2.b': undefined! };
    delete (partial as Record<string, unknown>)['X2.b'];
    expect(state(ar(input({ answers: partial })))['CC1.2']).toBe('not-satisfied/other');
  });

  test('one observation per answered control, INTERVIEW, plus EXAMINE and relevant evidence when referenced', () => {
    const doc = ar(
      input({
        evidence: {
          X1: [
            { ref: 'evidence/review q3.pdf', collected: '2026-10-02', sha256: 'ab'.repeat(32) },
            { ref: 'SEC-412', collected: '2026-10-03' },
            { ref: 'https://tracker.example/SEC-1', collected: '2026-10-04' },
          ],
        },
      }),
    );
    const [x1, x2, x3] = doc.results[0].observations;
    expect(doc.results[0].observations.map((o: Json) => o.title)).toEqual([
      'X1 Control X1',
      'X2 Control X2',
      'X3 Control X3',
    ]);
    expect(x1.methods).toEqual(['INTERVIEW', 'EXAMINE']);
    expect(x1['relevant-evidence']).toEqual([
      {
        href: 'evidence/review%20q3.pdf',
        description: `evidence/review q3.pdf, collected 2026-10-02, SHA-256 ${'ab'.repeat(32)}.`,
      },
      { description: 'Ticket SEC-412, collected 2026-10-03.' },
      { href: 'https://tracker.example/SEC-1', description: 'https://tracker.example/SEC-1, collected 2026-10-04.' },
    ]);
    expect(x2.methods).toEqual(['INTERVIEW']);
    expect(x2.description).toBe('X2 (Control X2): readiness 50% (ready).\n\n- X2 a? Yes\n- X2 b? Not sure');
    expect(x2.collected).toBe('2026-11-01T08:00:00.000Z'); // the unparsable time is ignored
    expect(x3.collected).toBe('2026-11-03T10:00:00.000Z');
    for (const version of VERSIONS) expect(oscalErrors({ 'assessment-results': doc }, version)).toEqual([]);
  });

  test('the result spans the earliest recorded time to the report time', () => {
    const result = ar(input()).results[0];
    expect([result.start, result.end]).toEqual(['2026-10-30T08:00:00.000Z', '2026-11-20T10:00:00.000Z']);
  });

  test('excluded criteria get no finding and are named in the selection remarks', () => {
    const i = input();
    const criteria = i.assessment.criteria.map((c) =>
      c.id === 'CC2.1' ? { ...c, status: 'excluded' as const, excludedReason: 'No  customers\nyet' } : c,
    );
    const doc = ar({ ...i, assessment: { ...i.assessment, criteria } });
    expect(Object.keys(state(doc))).toEqual(['CC1.1', 'CC1.2']);
    expect(doc.results[0]['reviewed-controls']['control-selections'][0].remarks).toBe(
      'Excluded by the organization: CC2.1 (No customers yet).',
    );
  });

  test('deterministic: same input, same bytes; a changed answer changes the document UUID only', () => {
    const a = JSON.stringify(ar(input()));
    expect(JSON.stringify(ar(input()))).toBe(a);
    const changed = ar(input({ answers: { ...answers, 'X3.a': { value: 'yes', at: '2026-11-03T10:00:00Z' } } }));
    const before = JSON.parse(a);
    expect(changed.uuid).not.toBe(before.uuid);
    expect(changed.results[0].observations.map((o: Json) => o.uuid)).toEqual(
      before.results[0].observations.map((o: Json) => o.uuid),
    );
  });

  test('declares 1.1.3 unless told otherwise', () => {
    expect(ar(input()).metadata['oscal-version']).toBe('1.1.3');
    expect(ar(input({ oscalVersion: '1.2.2' })).metadata['oscal-version']).toBe('1.2.2');
  });
});

/** What the schema cannot check: unique UUIDs and every internal reference resolving. */
function referenceProblems(doc: Json): string[] {
  const problems: string[] = [];
  const uuids: string[] = [];
  JSON.stringify(doc, (k, v) => {
    if (k === 'uuid') uuids.push(v);
    return v;
  });
  const dupes = uuids.filter((u, i) => uuids.indexOf(u) !== i);
  if (dupes.length > 0) problems.push(`duplicate uuids ${dupes.join(', ')}`);
  const ar = doc['assessment-results'];
  const resources = new Set(ar['back-matter'].resources.map((r: Json) => `#${r.uuid}`));
  if (!resources.has(ar['import-ap'].href)) problems.push(`import-ap ${ar['import-ap'].href}`);
  for (const result of ar.results) {
    for (const link of result['reviewed-controls'].links ?? [])
      if (!resources.has(link.href)) problems.push(`reviewed-controls link ${link.href}`);
    const observations = new Set((result.observations ?? []).map((o: Json) => o.uuid));
    for (const f of result.findings ?? [])
      for (const r of f['related-observations'] ?? [])
        if (!observations.has(r['observation-uuid'])) problems.push(`finding ${f.uuid} -> ${r['observation-uuid']}`);
    if (result.end < result.start) problems.push('end before start');
  }
  return problems;
}

const examplesDir = join(repoRoot, 'examples');
const examples = readdirSync(examplesDir).filter((n) => existsSync(join(examplesDir, n, 'answers.yaml')));

describe.each(examples)('examples/%s: report --format oscal', (name) => {
  const run = runCli(['report', '--format', 'oscal'], {
    cwd: join(examplesDir, name),
    env: { SOURCE_DATE_EPOCH: '1795000000' },
  });
  const doc = JSON.parse(run.stdout || '{}');

  test.each(VERSIONS)('validates under OSCAL %s', (version) => {
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(oscalErrors(doc, version)).toEqual([]);
  });

  test('references resolve and findings agree with report.json', () => {
    expect(referenceProblems(doc)).toEqual([]);
    const report = JSON.parse(readFileSync(join(examplesDir, name, 'report.json'), 'utf8'));
    const doubtful = new Set(
      [...report.notSure, ...report.unanswered, ...report.invalidAnswers].map((q: Json) => q.control),
    );
    const inScope = report.criteria.filter((c: Json) => c.inScope && c.status !== 'excluded');
    const satisfied = inScope
      .filter((c: Json) => c.status === 'ready' && !c.controls.some((id: string) => doubtful.has(id)))
      .map((c: Json) => c.id);
    const findings = doc['assessment-results'].results[0].findings;
    expect(findings.map((f: Json) => f.target['target-id'])).toEqual(inScope.map((c: Json) => c.id));
    expect(
      findings.filter((f: Json) => f.target.status.state === 'satisfied').map((f: Json) => f.target['target-id']),
    ).toEqual(satisfied);
  });

  test('two runs are byte-identical', () => {
    const again = runCli(['report', '--format', 'oscal'], {
      cwd: join(examplesDir, name),
      env: { SOURCE_DATE_EPOCH: '1795000000' },
    });
    expect(again.stdout).toBe(run.stdout);
  });
});

describe('invalid documents are rejected', () => {
  const valid = (): Json => toOscalAssessmentResults(input());
  const finding = (d: Json) => d['assessment-results'].results[0].findings[0];
  const mutations: [string, (d: Json) => void, SchemaVersion[]][] = [
    [
      'a finding state other than satisfied/not-satisfied',
      (d) => (finding(d).target.status.state = 'not-sure'),
      VERSIONS,
    ],
    [
      'an empty include-controls',
      (d) =>
        (d['assessment-results'].results[0]['reviewed-controls']['control-selections'][0]['include-controls'] = []),
      VERSIONS,
    ],
    ['an empty findings list', (d) => (d['assessment-results'].results[0].findings = []), VERSIONS],
    ['a version-1 UUID', (d) => (finding(d).uuid = 'a8098c1a-f86e-11da-bd1a-00112444be1e'), VERSIONS],
    ['a version-7 UUID', (d) => (finding(d).uuid = '017f22e2-79b0-7cc3-98c4-dc0c0c07398f'), VERSIONS],
    [
      'a date-time without timezone',
      (d) => (d['assessment-results'].metadata['last-modified'] = '2026-11-20T10:00:00'),
      VERSIONS,
    ],
    ['an empty prop value', (d) => (d['assessment-results'].metadata.props[0].value = ''), VERSIONS],
    [
      'a colon in a control id token',
      (d) =>
        (d['assessment-results'].results[0]['reviewed-controls']['control-selections'][0]['include-controls'][0][
          'control-id'
        ] = 'soc2:CC1.1'),
      VERSIONS,
    ],
    ['a space in an objective id token', (d) => (finding(d).target['target-id'] = 'CC 1.1'), VERSIONS],
    ['no import-ap', (d) => delete d['assessment-results']['import-ap'], VERSIONS],
    ['no reviewed-controls', (d) => delete d['assessment-results'].results[0]['reviewed-controls'], VERSIONS],
    ['a finding without description', (d) => delete finding(d).description, VERSIONS],
    ['an unknown key', (d) => (finding(d).severity = 'high'), VERSIONS],
    [
      'an observation without methods',
      (d) => delete d['assessment-results'].results[0].observations[0].methods,
      VERSIONS,
    ],
    ['a multi-line title (1.2 markup-line)', (d) => (finding(d).title = 'CC1.1\nready'), ['1.2.2']],
    [
      'an empty control selection (1.2)',
      (d) => (d['assessment-results'].results[0]['reviewed-controls']['control-selections'][0] = {}),
      ['1.2.2'],
    ],
  ];

  test('the unmutated document is valid under both versions', () => {
    for (const version of VERSIONS) expect(oscalErrors(valid(), version)).toEqual([]);
    expect(referenceProblems(valid())).toEqual([]);
  });

  test.each(mutations)('%s', (_name, mutate, rejectedBy) => {
    const doc = valid();
    mutate(doc);
    for (const version of VERSIONS)
      expect([version, oscalErrors(doc, version).length > 0]).toEqual([version, rejectedBy.includes(version)]);
  });

  test('the reference check catches a dangling observation and a duplicate UUID', () => {
    const doc = valid();
    finding(doc)['related-observations'] = [{ 'observation-uuid': uuidV5('nowhere', SOC2_READY_NAMESPACE) }];
    doc['assessment-results'].results[0].observations[1].uuid =
      doc['assessment-results'].results[0].observations[0].uuid;
    expect(referenceProblems(doc)).toHaveLength(3);
  });
});

test('report --format oscal lists recorded evidence: EXAMINE and relevant evidence (test/fixtures/verify)', () => {
  const run = runCli(['report', '--format', 'oscal', '--answers', 'answers.yaml'], {
    cwd: join(repoRoot, 'test', 'fixtures', 'verify'),
    env: { SOURCE_DATE_EPOCH: '1795000000' },
  });
  expect(run.status).toBe(0);
  const doc = JSON.parse(run.stdout);
  for (const version of VERSIONS) expect(oscalErrors(doc, version)).toEqual([]);
  const observations = doc['assessment-results'].results[0].observations as Json[];
  const k01 = observations.find((o) => o.title.startsWith('K-01 '))!;
  expect(k01.methods).toEqual(['INTERVIEW', 'EXAMINE']);
  expect(k01['relevant-evidence'].map((e: Json) => e.href)).toEqual([
    'evidence/access-review-q3.txt',
    'https://tracker.example/SEC-412',
  ]);
  expect(observations.find((o) => o.title.startsWith('K-03 '))!.methods).toEqual(['INTERVIEW']);
});
