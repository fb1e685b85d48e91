import { error, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkRules, type Exclusion, type InventoryInput } from './rules.js';

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

/** Pure: maps controls to criteria, finds unmapped in-scope criteria and runs every content rule. */
export function checkInventory(input: InventoryInput): CheckResult {
  const { catalog, controls, scope, exclusions } = input;
  const coverage: Record<string, string[]> = {};
  for (const criterion of catalog.criteria) coverage[criterion.id] = [];
  for (const control of controls) {
    for (const id of new Set(control.criteria)) coverage[id]?.push(control.id);
  }
  const excludedIds = new Set(exclusions.map((e) => e.criterion));
  const unmappedCriteria = catalog.criteria.filter(
    (c) => scope.has(c.category) && !excludedIds.has(c.id) && coverage[c.id]!.length === 0,
  );
  const diagnostics = [...checkRules(input), ...unmappedCriteria.map((c) => unmappedDiagnostic(c.id, c.title, input))];
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

function unmappedDiagnostic(id: string, title: string, input: InventoryInput): Diagnostic {
  return error('unmapped-criterion', `Criterion "${id}" (${title}) is in scope but no control maps to it.`, {
    file: input.inventoryLocation,
    hint: `Map a control to ${id}, or exclude it in soc2-ready.yaml with a reason.`,
  });
}
