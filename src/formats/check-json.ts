/** The JSON contract of `check --format json`. Keys are stable; add, never rename. */
import type { CheckResult } from '../catalog/coverage.js';
import { diagnosticJson } from '../diagnostics.js';

export function toCheckJson(result: CheckResult) {
  return {
    ok: result.ok,
    scope: result.scope,
    unmapped: result.unmapped,
    excluded: result.excluded.map((e) => ({ criterion: e.criterion, reason: e.reason })),
    coverage: result.coverage,
    categories: result.categories,
    controls: result.controlCount,
    diagnostics: result.diagnostics.map(diagnosticJson),
  };
}
