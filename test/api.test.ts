import { describe, expect, test } from '@jest/globals';
import * as api from '../src/index.js';

describe('programmatic API', () => {
  test('checks an inventory with the same functions the CLI uses', () => {
    const catalog = api.readBuiltinCatalog();
    const { controls, diagnostics } = api.loadControlsDir('examples/inventories/broken/controls', process.cwd());
    const result = api.checkInventory({ catalog, controls, scope: new Set(['security']), exclusions: [] });
    const lines = api
      .sortDiagnostics([...diagnostics, ...result.diagnostics])
      .filter((d) => d.code !== 'unmapped-criterion')
      .map(api.formatDiagnostic);
    expect(lines.map((l) => l.split('  ')[2])).toEqual(['duplicate-id', 'unknown-criterion', 'duplicate-id', 'schema']);
    expect(result.unmapped).toHaveLength(31);
  });

  test('scores an answers document into an assessment and JSON', () => {
    const catalog = api.readBuiltinCatalog();
    const content = api.readQuestionnaire();
    const { controls } = api.loadControlsDir('criteria/controls', process.cwd());
    const scope = api.resolveScope(catalog, []);
    if ('error' in scope) throw new Error(scope.error);
    const plan = api.planControls(catalog, controls, scope.scope, content);
    const first = plan[0]!.questions[0]!;
    const best = first.choices.find((c) => c.score === 1)!.value;
    const assessment = api.assess({ catalog, plan, answers: { [first.id]: { value: best } }, scope: scope.scope });
    expect(assessment.controls[0]!.questions[0]!.score).toBe(1);
    expect(assessment.unanswered.length).toBeGreaterThan(100);
    expect(api.percent(assessment.overall.score)).toBeLessThan(5);
  });
});
