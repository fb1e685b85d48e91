import { describe, expect, test } from '@jest/globals';
import { controlScopeRule, homeCategory } from '../src/catalog/control-scope.js';
import { checkInventory } from '../src/catalog/coverage.js';
import { planControls } from '../src/questionnaire/plan.js';
import { loadControlsDir, readBuiltinCatalog } from '../src/project/load.js';
import { readQuestionnaire } from '../src/project/workspace.js';
import { builtinControlsDir, packageRoot } from '../src/runtime/paths.js';
import { assess } from '../src/scoring.js';
import { catalog, content, control, scopeOf } from './helpers/world.js';

describe('home category', () => {
  test.each([
    { name: 'the first primary link decides', links: ['P1.1', 'CC1.1'], category: undefined, home: 'privacy' },
    { name: 'supporting links never decide', links: ['~CC1.1', 'A1.1'], category: undefined, home: 'availability' },
    { name: 'an explicit category wins', links: ['CC1.1'], category: 'privacy', home: 'privacy' },
    { name: 'unknown ids are skipped', links: ['CC9.9', 'A1.1'], category: undefined, home: 'availability' },
    { name: 'only supporting links: none', links: ['~CC1.1'], category: undefined, home: undefined },
  ])('$name', ({ links, category, home }) => {
    expect(homeCategory(catalog, control('X', links, { category }))).toBe(home);
  });
});

describe('which criteria a control counts towards (the one scope rule)', () => {
  test.each([
    { name: 'security only: primary CC link counts', links: ['P1.1', 'CC1.1'], scope: [], counted: ['CC1.1'] },
    {
      name: 'out-of-scope home category does not leak through a supporting link',
      links: ['P1.1', '~CC1.1'],
      scope: [],
      counted: [],
    },
    {
      name: 'in-scope home category: supporting links count too',
      links: ['P1.1', '~CC1.1'],
      scope: ['privacy'],
      counted: ['CC1.1', 'P1.1'],
    },
    {
      name: 'a primary link to an in-scope criterion brings an out-of-home control in',
      links: ['A1.1', 'CC2.1', '~CC1.1'],
      scope: [],
      counted: ['CC2.1'],
    },
    { name: 'catalog order, no repeats', links: ['CC2.1', 'CC1.1', '~CC2.1'], scope: [], counted: ['CC1.1', 'CC2.1'] },
    { name: 'links to out-of-scope criteria never count', links: ['CC1.1', 'A1.1'], scope: [], counted: ['CC1.1'] },
  ])('$name', ({ links, scope, counted }) => {
    expect(controlScopeRule(catalog, scopeOf(...scope))(control('X', links)).counted).toEqual(counted);
  });
});

describe('plan and check use the same rule', () => {
  const controls = [
    control('SEC-1', ['CC1.1', 'CC1.2']),
    control('PRV-1', ['P1.1', '~CC2.1']),
    control('AV-1', ['A1.1', '~CC1.2'], { category: 'availability' }),
  ];
  test.each([
    { scope: [], planned: ['SEC-1'], unmapped: ['CC2.1'] },
    { scope: ['privacy'], planned: ['SEC-1', 'PRV-1'], unmapped: [] },
    { scope: ['availability'], planned: ['SEC-1', 'AV-1'], unmapped: ['CC2.1'] },
  ])('scope $scope', ({ scope, planned, unmapped }) => {
    const s = scopeOf(...scope);
    expect(planControls(catalog, controls, s, content).map((p) => p.control.id)).toEqual(planned);
    const result = checkInventory({ catalog, controls, scope: s, exclusions: [] });
    expect(result.unmapped).toEqual(unmapped);
    // Coverage of in-scope criteria is exactly what the plan counts.
    const counted = planControls(catalog, controls, s, content);
    for (const c of catalog.criteria.filter((c) => s.has(c.category))) {
      expect(result.coverage[c.id]).toEqual(
        counted.filter((p) => p.inScopeCriteria.includes(c.id)).map((p) => p.control.id),
      );
    }
  });

  test('a criterion named only by supporting links of out-of-scope controls is unmapped, with a hint', () => {
    const result = checkInventory({
      catalog,
      controls,
      scope: scopeOf(),
      exclusions: [],
      inventoryLocation: 'controls',
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.filter((d) => d.code === 'unmapped-criterion')).toEqual([
      {
        code: 'unmapped-criterion',
        severity: 'error',
        message:
          'Criterion "CC2.1" (three) is in scope but only supporting links of out-of-scope controls name it (PRV-1).',
        file: 'controls',
        hint: "Supporting links count only when the control's home category is in scope: make one of those links primary, map another control to CC2.1, or exclude it with a reason.",
      },
    ]);
  });

  test('an out-of-scope criterion still lists every control linked to it', () => {
    const result = checkInventory({ catalog, controls, scope: scopeOf(), exclusions: [] });
    expect(result.coverage['P1.1']).toEqual(['PRV-1']);
    expect(result.coverage['A1.1']).toEqual(['AV-1']);
  });
});

describe('check, assess, report and diff agree on the in-scope controls of the built-in library', () => {
  const real = readBuiltinCatalog();
  const builtin = loadControlsDir(builtinControlsDir, packageRoot).controls;
  const qc = readQuestionnaire();
  const optional = real.categories.filter((c) => c.optional).map((c) => c.id);
  const subsets = optional.reduce<string[][]>((all, c) => [...all, ...all.map((s) => [...s, c])], [[]]);
  test.each(subsets.map((s) => [s.join(',') || 'security only', s] as const))('%s', (_name, optionalScope) => {
    const scope = new Set(['security', ...optionalScope]);
    // assess and report (and diff, which scores through the same assessWorkspace) ask and score the plan.
    const planned = planControls(real, builtin, scope, qc).map((p) => p.control.id);
    const scored = assess({ catalog: real, plan: planControls(real, builtin, scope, qc), answers: {}, scope });
    expect(scored.controls.map((c) => c.id)).toEqual(planned);
    // check covers in-scope criteria with exactly those controls.
    const { coverage } = checkInventory({ catalog: real, controls: builtin, scope, exclusions: [] });
    const covering = new Set(real.criteria.filter((c) => scope.has(c.category)).flatMap((c) => coverage[c.id]!));
    expect([...covering].sort()).toEqual([...planned].sort());
  });
  test('guard: supporting links exist in the library, so the rule is exercised', () => {
    expect(builtin.some((c) => (c.links ?? []).some((l) => l.role === 'supporting'))).toBe(true);
  });
});
