import { appendFileSync } from 'node:fs';
import { checkInventory, type CheckResult } from '../../catalog/coverage.js';
import type { FindingLocation, Findings } from '../../formats/findings.js';
import { clock } from '../clock.js';
import { flagsOf, inGithubActions, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import type { Catalog } from '../../catalog/types.js';
import { builtinControlsDir } from '../../runtime/paths.js';
import { UsageError } from '../../errors.js';
import { hasErrors, sortDiagnostics } from '../../diagnostics.js';
import { resolveControlsDir } from '../../project/controls-dir.js';
import { loadConfig, loadControlsDir, readBuiltinCatalog } from '../../project/load.js';
import { resolveScope, splitList } from '../../scope.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export const CHECK_FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  controls?: string;
  scope?: string;
  config?: string;
  format: string[];
  output: string[];
  /** The same flags in command-line order (see trackOutputs). */
  outputs?: OutputFlag[];
  color?: boolean;
}

/** Loads config and controls, runs every rule, writes each requested format; 1 on any error-level finding. */
export async function runCheck(options: CheckOptions, io: Io): Promise<ExitCode> {
  const outputs = resolveOutputs(options.outputs ?? flagsOf(options), CHECK_FORMATS, 'text', io.cwd);
  const catalog = readBuiltinCatalog();
  const { result, location } = loadAndCheck(catalog, options, io.cwd);
  const findings = async () => {
    const { checkFindings } = await import('../../formats/to-findings.js');
    const [{ version }, now] = [await import('../version.js'), clock(io.env)()];
    return checkFindings(
      result,
      catalog,
      { tool: { name: 'soc2-ready', version: await version(), informationUri: INFORMATION_URI }, generatedAt: now },
      location,
    );
  };
  for (const output of outputs) {
    const level = output.path ? 0 : colorLevel(io.stdout, io.env, options.color);
    writeOutput(output.path, await renderCheck(output.format, result, catalog, level, findings), io);
  }
  if (inGithubActions(io.env)) {
    const github = await import('../../formats/github.js');
    const all = await findings();
    if (!outputs.some((o) => o.format === 'github')) io.stderr.write(github.toGithubAnnotations(all));
    if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, `${github.toStepSummary(all)}\n`);
  }
  return result.ok ? ExitCode.ok : ExitCode.findings;
}

async function renderCheck(
  format: CheckFormat,
  result: CheckResult,
  catalog: Catalog,
  level: 0 | 1 | 2 | 3,
  findings: () => Promise<Findings>,
): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(toCheckJson(result), null, 2)}\n`;
    case 'junit':
      return (await import('../../formats/junit.js')).toJUnit(await findings());
    case 'sarif':
      return `${JSON.stringify((await import('../../formats/sarif.js')).toSarif(await findings()), null, 2)}\n`;
    case 'github':
      return (await import('../../formats/github.js')).toGithubAnnotations(await findings());
    default:
      return (await import('../check-text.js')).renderCheckText(result, catalog, level);
  }
}

/** Loads and checks; `location` is where unmapped criteria are reported (config file or controls folder). */
export function loadAndCheck(
  catalog: Catalog,
  options: Pick<CheckOptions, 'controls' | 'scope' | 'config'>,
  cwd: string,
): { result: CheckResult; location?: FindingLocation } {
  const loadedConfig = loadConfig(cwd, options.config);
  const dir = resolveControlsDir({ option: options.controls, config: loadedConfig, cwd });
  const loaded = loadControlsDir(dir, cwd);
  const requested = options.scope !== undefined ? splitList(options.scope) : (loadedConfig.config.scope ?? []);
  const scope = resolveScope(catalog, requested);
  if ('error' in scope) throw new UsageError(scope.error, scope.hint);
  const inventoryLocation = loadedConfig.config.file ?? (dir === builtinControlsDir ? undefined : loaded.displayDir);
  const result = checkInventory({
    catalog,
    controls: loaded.controls,
    scope: scope.scope,
    exclusions: loadedConfig.config.exclusions,
    subservice: loadedConfig.config.subservice,
    inventoryLocation,
  });
  const diagnostics = sortDiagnostics([...loadedConfig.diagnostics, ...loaded.diagnostics, ...result.diagnostics]);
  const source = dir === builtinControlsDir ? 'the built-in library' : loaded.displayDir;
  return {
    result: { ...result, diagnostics, ok: !hasErrors(diagnostics), source },
    location: inventoryLocation === undefined ? undefined : { file: inventoryLocation },
  };
}

export const INFORMATION_URI = 'https://github.com/soc2-ready/soc2-ready';

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
