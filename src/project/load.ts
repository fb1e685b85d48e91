/** The file-system edge of loading: finds and reads files, then hands text to the pure parsers. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseCatalog } from '../catalog/catalog.js';
import { parseControlFile } from '../catalog/controls.js';
import type { Catalog, Control } from '../catalog/types.js';
import { decodeUtf8 } from '../yaml/source.js';
import { CONFIG_FILE, EMPTY_CONFIG, parseConfig, type Config } from '../config.js';
import { naturalCompare, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { builtinCatalogFile, builtinControlsDir, displayPath } from '../runtime/paths.js';
import { builtinSnapshot, type BuiltinSnapshot } from '../runtime/builtin-snapshot.js';

let builtinCatalog: Catalog | undefined;

/** The shipped TSC 2017 catalog. A broken built-in catalog is a bug, not a user error. */
export function readBuiltinCatalog(): Catalog {
  if (builtinCatalog) return builtinCatalog;
  const snapshot = builtinSnapshot();
  if (snapshot) return (builtinCatalog = snapshot.catalog);
  const { catalog, diagnostics } = parseCatalog(readFileSync(builtinCatalogFile, 'utf8'), builtinCatalogFile);
  if (!catalog) throw new Error(`The built-in catalog is invalid: ${diagnostics[0]?.message}`);
  builtinCatalog = catalog;
  return catalog;
}

/** Every *.yaml / *.yml file under `dir`, recursively, in natural order; hidden folders skipped. */
export function findYamlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => naturalCompare(a.name, b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && /\.ya?ml$/i.test(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found;
}

export interface LoadedControls {
  controls: Control[];
  diagnostics: Diagnostic[];
  files: string[];
  /** How the folder is named in messages (relative to the cwd). */
  displayDir: string;
}

/** Reads and parses every control file under `dir`. Missing or empty folders are usage errors. */
export function loadControlsDir(dir: string, cwd: string): LoadedControls {
  const absolute = resolve(cwd, dir);
  const displayDir = displayPath(absolute, cwd);
  const snapshot = resolve(absolute) === resolve(builtinControlsDir) ? builtinSnapshot() : undefined;
  if (snapshot) return fromSnapshot(snapshot, absolute, cwd, displayDir);
  if (!existsSync(absolute)) {
    throw new UsageError(
      `Controls folder "${displayDir}" does not exist.`,
      'Pass --controls <dir>, or run `soc2-ready init` to start from the built-in library.',
    );
  }
  const files = statSync(absolute).isDirectory() ? findYamlFiles(absolute) : [absolute];
  if (files.length === 0) {
    throw new UsageError(
      `Controls folder "${displayDir}" holds no .yaml or .yml files.`,
      'Point --controls at the folder with your control files.',
    );
  }
  const controls: Control[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const shown = displayPath(file, cwd);
    const { text, diagnostic } = decodeUtf8(readFileSync(file), shown);
    if (diagnostic) {
      diagnostics.push(diagnostic);
      continue;
    }
    const result = parseControlFile(text!, shown);
    controls.push(...result.controls);
    diagnostics.push(...result.diagnostics);
  }
  return { controls, diagnostics, files, displayDir };
}

/** The built-in library from the build-time snapshot, with file paths shown relative to the cwd. */
function fromSnapshot(snapshot: BuiltinSnapshot, dir: string, cwd: string, displayDir: string): LoadedControls {
  const shown = new Map(snapshot.files.map((f) => [f, displayPath(join(dir, f), cwd)]));
  const controls = snapshot.controls.map((c) => ({
    ...c,
    location: { ...c.location, file: shown.get(c.location.file) ?? c.location.file },
  }));
  return { controls, diagnostics: [], files: snapshot.files.map((f) => join(dir, f)), displayDir };
}

export interface LoadedConfig {
  config: Config;
  diagnostics: Diagnostic[];
  /** The folder relative paths in the config are resolved against. */
  baseDir: string;
}

/** Reads soc2-ready.yaml from `cwd` (or an explicit path); an absent default file is an empty config. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`Config file "${explicit}" does not exist.`);
    return { config: EMPTY_CONFIG, diagnostics: [], baseDir: cwd };
  }
  const shown = displayPath(path, cwd);
  const { text, diagnostic } = decodeUtf8(readFileSync(path), shown);
  if (diagnostic)
    return { config: { ...EMPTY_CONFIG, file: shown }, diagnostics: [diagnostic], baseDir: dirname(path) };
  const parsed = parseConfig(text!, shown);
  return { ...parsed, baseDir: dirname(path) };
}
