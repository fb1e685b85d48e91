import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkRules, type Exclusion, type InventoryInput } from './rules.js';
import { controlScopeRule } from './control-scope.js';

export interface CategoryCoverage {
  id: string;
  name: string;
  inScope: boolean;
  criteria: number;
  mapped: number;
  excluded: number;
  unmapped: number;
}

/** The outcome of `check`: what maps where, what is missing, and every problem found. */
export interface CheckResult {
  ok: boolean;
  scope: string[];
  categories: CategoryCoverage[];
  /** Criterion id → ids of the controls mapped to it, in catalog order (all 61 criteria). */
  coverage: Record<string, string[]>;
  /** In-scope, not excluded criteria with no control, in catalog order. */
  unmapped: string[];
  excluded: Exclusion[];
  diagnostics: Diagnostic[];
  controlCount: number;
  /** Where the controls came from, for people: "the built-in library" or a folder. Set by the caller. */
  source?: string;
}

/**
 * Pure: maps controls to criteria, finds unmapped in-scope criteria and runs every content rule.
 * An in-scope criterion is covered by the controls whose link counts in this scope (controlScopeRule);
 * an out-of-scope criterion lists every control linked to it.
 */
export function checkInventory(input: InventoryInput): CheckResult {
  const { catalog, controls, scope, exclusions } = input;
  const scopeOf = controlScopeRule(catalog, scope);
  const categoryOf = new Map(catalog.criteria.map((c) => [c.id, c.category]));
  const coverage: Record<string, string[]> = {};
  const uncounted = new Map<string, string[]>();
  for (const criterion of catalog.criteria) coverage[criterion.id] = [];
  for (const control of controls) {
    const counted = new Set(scopeOf(control).counted);
    for (const id of new Set(control.criteria)) {
      if (!categoryOf.has(id)) continue;
      if (counted.has(id) || !scope.has(categoryOf.get(id)!)) coverage[id]!.push(control.id);
      else uncounted.set(id, [...(uncounted.get(id) ?? []), control.id]);
    }
  }
  const excludedIds = new Set(exclusions.map((e) => e.criterion));
  const unmappedCriteria = catalog.criteria.filter(
    (c) => scope.has(c.category) && !excludedIds.has(c.id) && coverage[c.id]!.length === 0,
  );
  const diagnostics = [
    ...checkRules(input),
    ...unmappedCriteria.map((c) => unmappedDiagnostic(c.id, c.title, input, uncounted.get(c.id))),
  ];
  const categories = catalog.categories.map((category): CategoryCoverage => {
    const criteria = catalog.criteria.filter((c) => c.category === category.id);
    const excluded = criteria.filter((c) => excludedIds.has(c.id)).length;
    const mapped = criteria.filter((c) => !excludedIds.has(c.id) && coverage[c.id]!.length > 0).length;
    return {
      id: category.id,
      name: category.name,
      inScope: scope.has(category.id),
      criteria: criteria.length,
      mapped,
      excluded,
      unmapped: criteria.length - mapped - excluded,
    };
  });
  const sorted = sortDiagnostics(diagnostics);
  return {
    ok: !hasErrors(sorted),
    scope: catalog.categories.filter((c) => scope.has(c.id)).map((c) => c.id),
    categories,
    coverage,
    unmapped: unmappedCriteria.map((c) => c.id),
    excluded: [...exclusions],
    diagnostics: sorted,
    controlCount: controls.length,
  };
}

function unmappedDiagnostic(id: string, title: string, input: InventoryInput, supporting?: string[]): Diagnostic {
  if (supporting) {
    return error(
      'unmapped-criterion',
      `Criterion "${id}" (${title}) is in scope but only supporting links of out-of-scope controls name it (${supporting.join(', ')}).`,
      {
        file: input.inventoryLocation,
        hint: `Supporting links count only when the control's home category is in scope: make one of those links primary, map another control to ${id}, or exclude it with a reason.`,
      },
    );
  }
  return error('unmapped-criterion', `Criterion "${id}" (${title}) is in scope but no control maps to it.`, {
    file: input.inventoryLocation,
    hint: `Map a control to ${id}, or exclude it in soc2-ready.yaml with a reason.`,
  });
}
