/** Builds the neutral Findings (see findings.ts) from a `check` result or a readiness assessment. */
import type { Catalog, Criterion } from '../catalog/types.js';
import type { CheckResult } from '../catalog/coverage.js';
import type { Diagnostic } from '../diagnostics.js';
import { percent, type Assessment } from '../scoring.js';
import type { CriterionOutcome, FindingLocation, Findings } from './findings.js';

export interface FindingsMeta {
  tool: Findings['tool'];
  generatedAt: string;
}

function base(criterion: Criterion, catalog: Catalog): Omit<CriterionOutcome, 'status'> {
  const category = catalog.categories.find((c) => c.id === criterion.category);
  return {
    id: criterion.id,
    title: criterion.title,
    category: criterion.category,
    categoryName: category?.name ?? criterion.category,
    series: criterion.series,
  };
}

export function checkFindings(
  result: CheckResult,
  catalog: Catalog,
  meta: FindingsMeta,
  location?: FindingLocation,
): Findings {
  const unmapped = new Set(result.unmapped);
  const excluded = new Map(result.excluded.map((e) => [e.criterion, e.reason]));
  const outcomes = catalog.criteria.map((c): CriterionOutcome => {
    if (!result.scope.includes(c.category)) return { ...base(c, catalog), status: 'skipped', reason: 'Out of scope.' };
    if (excluded.has(c.id))
      return { ...base(c, catalog), status: 'skipped', reason: `Excluded: ${excluded.get(c.id)}` };
    if (unmapped.has(c.id)) {
      return {
        ...base(c, catalog),
        status: 'failed',
        reason: `No control maps to ${c.id}.`,
        remediation: `Map a control to ${c.id}, or exclude it in soc2-ready.yaml with a reason.`,
        location,
      };
    }
    return { ...base(c, catalog), status: 'passed', reason: `Mapped by ${result.coverage[c.id]!.join(', ')}.` };
  });
  const diagnostics: Diagnostic[] = result.diagnostics.filter((d) => d.code !== 'unmapped-criterion');
  return { ...meta, command: 'check', outcomes, diagnostics };
}

export function assessmentFindings(
  a: Assessment,
  catalog: Catalog,
  meta: FindingsMeta,
  location: FindingLocation,
): Findings {
  const byId = new Map(a.criteria.map((c) => [c.id, c]));
  const outcomes = catalog.criteria.map((c): CriterionOutcome => {
    const r = byId.get(c.id)!;
    if (r.status === 'out-of-scope') return { ...base(c, catalog), status: 'skipped', reason: 'Out of scope.' };
    if (r.status === 'excluded')
      return { ...base(c, catalog), status: 'skipped', reason: `Excluded: ${r.excludedReason}` };
    if (r.status === 'not-applicable')
      return { ...base(c, catalog), status: 'skipped', reason: 'Every mapped control is marked not applicable.' };
    if (r.status === 'ready')
      return { ...base(c, catalog), status: 'passed', reason: `Readiness ${percent(r.score)}%.` };
    const reason =
      r.status === 'unmapped'
        ? `No control maps to ${c.id}.`
        : `Readiness ${percent(r.score)}% (${r.status}), below the ${a.thresholds.ready}% threshold.`;
    const steps = a.gaps
      .filter((g) => g.criteria.includes(c.id) && g.control.remediation)
      .map((g) => `${g.id}: ${g.control.remediation!.replace(/\s+/g, ' ').trim()}`);
    return { ...base(c, catalog), status: 'failed', reason, remediation: steps.join('\n') || undefined, location };
  });
  return { ...meta, command: 'report', outcomes, diagnostics: [] };
}
