import { checkInventory, type CheckResult } from '../../catalog/coverage.js';
import type { Catalog } from '../../catalog/types.js';
import { builtinControlsDir } from '../../paths.js';
import { UsageError } from '../../errors.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics.js';
import { controlsDirFor, loadConfig, loadControlsDir, readBuiltinCatalog } from '../../load.js';
import { resolveScope, splitList } from '../../scope.js';
import { colorLevel } from '../color.js';
import type { Io } from '../main.js';

export interface CheckOptions {
  controls?: string;
  scope?: string;
  config?: string;
  format: 'text' | 'json';
  color?: boolean;
}

/** Loads config and controls, runs every rule, prints the chosen format; 1 on any error-level finding. */
export async function runCheck(options: CheckOptions, io: Io): Promise<number> {
  const catalog = readBuiltinCatalog();
  const result = loadAndCheck(catalog, options, io.cwd);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(toCheckJson(result), null, 2)}\n`);
  } else {
    const { renderCheckText } = await import('../check-text.js');
    io.stdout.write(renderCheckText(result, catalog, colorLevel(io.stdout, io.env, options.color)));
  }
  return result.ok ? 0 : 1;
}

export function loadAndCheck(catalog: Catalog, options: Pick<CheckOptions, 'controls' | 'scope' | 'config'>, cwd: string): CheckResult {
  const loadedConfig = loadConfig(cwd, options.config);
  const dir = controlsDirFor(options.controls, loadedConfig, cwd);
  const loaded = loadControlsDir(dir, cwd);
  const requested = options.scope !== undefined ? splitList(options.scope) : (loadedConfig.config.scope ?? []);
  const scope = resolveScope(catalog, requested);
  if ('error' in scope) throw new UsageError(scope.error, scope.hint);
  const result = checkInventory({
    catalog,
    controls: loaded.controls,
    scope: scope.scope,
    exclusions: loadedConfig.config.exclusions,
    inventoryLocation: loadedConfig.config.file ?? (dir === builtinControlsDir ? undefined : loaded.displayDir),
  });
  const diagnostics = sortDiagnostics([...loadedConfig.diagnostics, ...loaded.diagnostics, ...result.diagnostics]);
  return { ...result, diagnostics, ok: !hasErrors(diagnostics) };
}

/** The JSON contract of `check --format json`. Keys are stable; add, never rename. */
export function toCheckJson(result: CheckResult) {
  return {
    ok: result.ok,
    scope: result.scope,
    unmapped: result.unmapped,
    excluded: result.excluded.map((e) => ({ criterion: e.criterion, reason: e.reason })),
    coverage: result.coverage,
    categories: result.categories,
    controls: result.controlCount,
    diagnostics: result.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file ?? null,
      line: d.line ?? null,
      column: d.column ?? null,
      hint: d.hint ?? null,
    })),
  };
}
