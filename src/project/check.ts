/** `check` without the printing: load the config and controls, run every rule, return the finished result. */
import type { CheckResult } from '../catalog/coverage.js';
import { checkInventory } from '../catalog/coverage.js';
import type { Catalog } from '../catalog/types.js';
import { hasErrors, sortDiagnostics } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import type { FindingLocation } from '../formats/findings.js';
import { builtinControlsDir } from '../runtime/paths.js';
import { resolveScope, splitList } from '../scope.js';
import { resolveControlsDir } from './controls-dir.js';
import { loadConfig, loadControlsDir } from './load.js';

export interface CheckProjectOptions {
  /** --controls */
  controls?: string;
  /** --scope: optional categories, comma-separated, or "all". */
  scope?: string;
  /** --config */
  config?: string;
}

/** The result (diagnostics of config, files and rules together, sorted) and where unmapped criteria point. */
export function checkProject(
  catalog: Catalog,
  options: CheckProjectOptions,
  cwd: string,
): { result: CheckResult; location?: FindingLocation; inputs: string[] } {
  const loadedConfig = loadConfig(cwd, options.config);
  const dir = resolveControlsDir({ option: options.controls, config: loadedConfig, cwd });
  const loaded = loadControlsDir(dir, cwd, { cache: true });
  const requested = options.scope !== undefined ? splitList(options.scope) : (loadedConfig.config.scope ?? []);
  const scope = resolveScope(catalog, requested);
  if ('error' in scope) throw new UsageError(scope.error, scope.hint);
  const builtin = dir === builtinControlsDir;
  const inventoryLocation = loadedConfig.config.file ?? (builtin ? undefined : loaded.displayDir);
  const result = checkInventory({
    catalog,
    controls: loaded.controls,
    scope: scope.scope,
    exclusions: loadedConfig.config.exclusions,
    subservice: loadedConfig.config.subservice,
    inventoryLocation,
  });
  const diagnostics = sortDiagnostics([...loadedConfig.diagnostics, ...loaded.diagnostics, ...result.diagnostics]);
  const source = builtin ? 'the built-in library' : loaded.displayDir;
  return {
    result: { ...result, diagnostics, ok: !hasErrors(diagnostics), source },
    location: inventoryLocation === undefined ? undefined : { file: inventoryLocation },
    // Every file read: an output must never overwrite one of them.
    inputs: [...(loadedConfig.path ? [loadedConfig.path] : []), ...loaded.files],
  };
}
