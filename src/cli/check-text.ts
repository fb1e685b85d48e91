import type { CheckResult } from '../catalog/coverage.js';
import type { Catalog } from '../catalog/types.js';
import { inert } from '../text/terminal.js';
import { diagnosticLine, painter, plural, table } from './print.js';

/** The human form of `check`: coverage table, every diagnostic, the unmapped criteria, a verdict. */
export function renderCheckText(result: CheckResult, catalog: Catalog, level: 0 | 1 | 2 | 3): string {
  const paint = painter(level);
  const out: string[] = [];
  const rows = result.categories.map((c) => [
    c.inScope ? c.name : paint.dim(`${c.name} (out of scope)`),
    c.criteria,
    c.mapped,
    c.excluded,
    c.inScope && c.unmapped > 0 ? paint.red(String(c.unmapped)) : c.unmapped,
  ]);
  out.push(
    table(['Category', 'Criteria', 'Mapped', 'Excluded', 'Unmapped'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
    ]),
  );
  // Unmapped criteria get their own list below, with titles; every other problem is listed here.
  const problems = result.diagnostics.filter((d) => d.code !== 'unmapped-criterion');
  if (problems.length > 0) out.push('', ...problems.map((d) => diagnosticLine(d, paint)));
  const titles = new Map(catalog.criteria.map((c) => [c.id, c.title]));
  if (result.unmapped.length > 0) {
    out.push('', paint.bold('Unmapped in-scope criteria:'));
    out.push(...result.unmapped.map((id) => `  ${id.padEnd(6)} ${titles.get(id)}`));
  }
  if (result.excluded.length > 0) {
    out.push('', paint.bold('Excluded criteria:'));
    out.push(...result.excluded.map((e) => `  ${inert(e.criterion).padEnd(6)} ${inert(e.reason)}`));
  }
  out.push('', verdict(result, catalog, paint));
  return `${out.join('\n')}\n`;
}

function verdict(result: CheckResult, catalog: Catalog, paint: ReturnType<typeof painter>): string {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const inScope = catalog.criteria.filter((c) => result.scope.includes(c.category)).length;
  const from = result.source ? ` from ${inert(result.source)}` : '';
  const counts = `${plural(result.controlCount, 'control')}${from}; scope: ${inert(result.scope.join(', '))}`;
  if (result.ok) {
    const extra = warnings > 0 ? `, ${plural(warnings, 'warning')}` : '';
    return (
      paint.green(`✔ All ${inScope} in-scope criteria are mapped or excluded; no errors${extra}.`) +
      paint.dim(` (${counts})`)
    );
  }
  const unmapped =
    result.unmapped.length > 0 ? `; ${result.unmapped.length} of ${inScope} in-scope criteria unmapped` : '';
  return (
    paint.red(`✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${unmapped}.`) + paint.dim(` (${counts})`)
  );
}
