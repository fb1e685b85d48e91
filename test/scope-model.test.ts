import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Subservice } from '../src/config.js';
import { planControls, type Answers } from '../src/questionnaire/plan.js';
import { scopeModel, type ScopeInput } from '../src/report/scope-model.js';
import { scopeView } from '../src/report/scope-view.js';
import { assess } from '../src/scoring.js';
import { repoRoot } from './helpers/run-cli.js';
import { catalog, content, control, scopeOf } from './helpers/world.js';

const carveOut: Subservice = {
  name: 'Cloud Co',
  services: ['Hosting'],
  method: 'carve-out',
  criteria: ['CC1.2', 'A1.1'],
  csocs: ['Data centre access is limited to authorised staff.'],
  monitoredBy: ['VEND', 'PRIV'],
};
const controls = [control('VEND', ['CC1.2']), control('BADGE', ['CC1.2']), control('PRIV', ['P1.1'])];
const answers: Answers = { 'VEND.a': { value: 'partly' }, 'BADGE.a': { value: 'yes' } };
const input: ScopeInput = {
  subservice: [carveOut],
  cuecs: ['Customers manage their own users.'],
  scoping: [
    {
      category: 'availability',
      why: '',
      questions: [
        { id: 'availability.sla', text: 'Do you promise uptime?' },
        { id: 'availability.asked', text: 'Have customers asked?' },
      ],
    },
    { category: 'privacy', why: '', questions: [{ id: 'privacy.collect', text: 'Do you collect personal data?' }] },
  ],
  scopingAnswers: { 'availability.sla': 'yes', 'availability.asked': 'no', 'privacy.collect': 'yes' },
};
const scope = scopeOf('availability');
const a = assess({ catalog, plan: planControls(catalog, controls, scope, content), answers, scope });

describe('subservice organisations (carve-out) and the scope model', () => {
  test('a carve-out keeps its criterion in scope, scored on the company’s own controls', () => {
    const cc12 = a.criteria.find((c) => c.id === 'CC1.2')!;
    expect([cc12.inScope, cc12.status, cc12.score, cc12.controls]).toEqual([true, 'partial', 0.75, ['VEND', 'BADGE']]);
    expect(a.excluded).toEqual([]);
  });

  test('the model: criteria statuses, CSOCs and the readiness of the monitoring controls', () => {
    const model = scopeModel(a, input);
    expect(model.subservice).toEqual([
      {
        name: 'Cloud Co',
        services: ['Hosting'],
        method: 'carve-out',
        criteria: [
          { id: 'CC1.2', status: 'partial', score: 0.75 },
          { id: 'A1.1', status: 'unmapped', score: 0 },
        ],
        csocs: ['Data centre access is limited to authorised staff.'],
        monitoredBy: [
          { id: 'VEND', title: 'Control VEND', status: 'partial', score: 0.5 },
          { id: 'PRIV', title: '', status: 'not-assessed', score: null },
        ],
      },
    ]);
    expect(model.cuecs).toEqual(['Customers manage their own users.']);
    expect(model.system).toBeNull();
  });

  test('the scoping answers that justify each optional category', () => {
    expect(scopeModel(a, input).categories).toEqual([
      {
        id: 'availability',
        name: 'Availability',
        inScope: true,
        recommended: true,
        reasons: ['Do you promise uptime?'],
      },
      { id: 'privacy', name: 'Privacy', inScope: false, recommended: true, reasons: ['Do you collect personal data?'] },
    ]);
    expect(scopeView(scopeModel(a, input), catalog).scopeRationale.map((r) => [r.statusText, r.reasonsText])).toEqual([
      ['In scope', 'Scoping answers "yes": Do you promise uptime?'],
      ['Out of scope, although recommended', 'Scoping answers "yes": Do you collect personal data?'],
    ]);
  });

  test('the view renders CSOCs and monitoring as text for the templates', () => {
    const view = scopeView(scopeModel(a, input), catalog);
    expect(view.subservice).toEqual([
      {
        name: 'Cloud Co',
        servicesText: 'Hosting',
        method: 'carve-out',
        methodLabel: 'Carve-out',
        criteriaText: 'CC1.2 two (Partial, 75%); A1.1 four (Unmapped, 0%)',
        csocs: ['Data centre access is limited to authorised staff.'],
        monitoringText: 'VEND Control VEND (Partial, 50%); PRIV (Not assessed in this scope)',
      },
    ]);
  });
});

describe('examples/mature-saas: the cloud provider is a carve-out, not an exclusion', () => {
  const md = readFileSync(join(repoRoot, 'examples/mature-saas/report.md'), 'utf8');
  const json = JSON.parse(readFileSync(join(repoRoot, 'examples/mature-saas/report.json'), 'utf8'));
  test('CC6.4 stays in scope and is scored; nothing is excluded', () => {
    const cc64 = json.criteria.find((c: { id: string }) => c.id === 'CC6.4');
    expect([cc64.inScope, cc64.status === 'excluded', typeof cc64.score]).toEqual([true, false, 'number']);
    expect(json.excluded).toEqual([]);
  });
  test('the report names the provider, its method, the CSOCs and the monitoring controls', () => {
    expect(json.subservice.map((s: { name: string; method: string }) => [s.name, s.method])).toEqual([
      ['Amazon Web Services', 'carve-out'],
    ]);
    expect(json.subservice[0].monitoredBy.map((m: { control: string }) => m.control)).toEqual([
      'VND-03',
      'PHY-03',
      'BCP-07',
    ]);
    expect(md).toContain(
      '- **Amazon Web Services** (Carve-out): Hosting and managed databases in eu-west-1 and us-east-1\n',
    );
    expect(md).toContain(
      '  - CSOC assumed: Physical access to data centres is limited to authorised staff and reviewed.\n',
    );
    expect(md).toContain('### Complementary user entity controls (CUECs)');
    expect(md).not.toContain('carved out to the cloud provider');
  });
  test('mature-saas does not read "Ready" while a criterion is a gap', () => {
    expect(json.criteriaAtRisk.some((c: { status: string }) => c.status === 'gap')).toBe(true);
    expect(json.overall.status).not.toBe('ready');
    expect(md).toMatch(/\*\*Overall readiness: \d+% \(Partial\)\.\*\*/);
  });
});
