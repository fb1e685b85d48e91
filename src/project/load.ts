/** The file-system edge of loading: finds and reads files, then hands text to the pure parsers. */
import { existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parseCatalog } from '../catalog/catalog.js';
import { parseControlFile, type ControlFileResult } from '../catalog/controls.js';
import { openParseCache, type ParseCache } from '../runtime/parse-cache.js';
import type { Catalog, Control } from '../catalog/types.js';
import { CONFIG_FILE, EMPTY_CONFIG, parseConfig, type Config } from '../config.js';
import { error, naturalCompare, warning, type Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { builtinCatalogFile, builtinControlsDir, displayPath } from '../runtime/paths.js';
import {
  knownControlFile,
  snapshotCatalog,
  snapshotLibrary,
  type BuiltinLibrary,
} from '../runtime/builtin-snapshot.js';
import { environmentError, readTextFile } from '../runtime/read-file.js';
import { describeFsError, withFsErrors } from '../runtime/fs-errors.js';

let builtinCatalog: Catalog | undefined;

/** The shipped TSC 2017 catalog. A broken built-in catalog is a bug, not a user error. */
export function readBuiltinCatalog(): Catalog {
  if (builtinCatalog) return builtinCatalog;
  const snapshot = snapshotCatalog();
  if (snapshot) return (builtinCatalog = snapshot);
  const { catalog, diagnostics } = parseCatalog(readFileSync(builtinCatalogFile, 'utf8'), builtinCatalogFile);
  if (!catalog) throw new Error(`The built-in catalog is invalid: ${diagnostics[0]?.message}`);
  builtinCatalog = catalog;
  return catalog;
}

const YAML_FILE = /\.ya?ml$/i;

/**
 * Every *.yaml / *.yml file under `dir`, recursively, in natural order; hidden folders skipped.
 * Symlinked files and folders are followed (each real folder walked once, so loops end); a link
 * that leads outside `dir` is noted. Unreadable folders and undecodable names become diagnostics
 * in `notes` instead of aborting the walk.
 */
export function findYamlFiles(dir: string, notes: Diagnostic[] = [], cwd = process.cwd()): string[] {
  const found: string[] = [];
  const root = realpathSync(dir);
  const visited = new Set<string>();
  const shown = (path: string) => displayPath(path, cwd);
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (visited.has(real)) return;
    visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => naturalCompare(a.name, b.name));
    } catch (cause) {
      notes.push(unreadable(cause, shown(folder)));
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      const kind = entryKind(entry, path, notes, shown);
      if (kind === 'dir') walk(path);
      else if (kind === 'file' && YAML_FILE.test(entry.name)) found.push(path);
      if (kind !== undefined && entry.isSymbolicLink() && isOutside(root, path))
        notes.push(
          warning('outside-folder', `Symbolic link leads outside ${shown(dir)}, to ${shown(realpathSync(path))}.`, {
            file: shown(path),
            hint: 'Its files are read as part of the controls; make sure that is intended.',
          }),
        );
    }
  };
  walk(dir);
  return found;
}

/** What an entry is once symlinks are followed; undefined (with a note when it matters) to skip it. */
function entryKind(
  entry: Dirent,
  path: string,
  notes: Diagnostic[],
  shown: (p: string) => string,
): 'dir' | 'file' | undefined {
  if (entry.isDirectory()) return 'dir';
  if (entry.isFile()) return existsAsNamed(path, notes, shown) ? 'file' : undefined;
  if (!entry.isSymbolicLink()) return undefined;
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
  } catch (cause) {
    if (YAML_FILE.test(entry.name)) notes.push(unreadable(cause, shown(path)));
    return undefined;
  }
}

/** A name that is not valid UTF-8 is decoded with U+FFFD and cannot be opened again under that name. */
function existsAsNamed(path: string, notes: Diagnostic[], shown: (p: string) => string): boolean {
  if (!path.includes('\ufffd')) return true;
  try {
    lstatSync(path);
    return true;
  } catch {
    notes.push(
      warning('file-name', 'File name is not valid UTF-8, so the file cannot be read; it is skipped.', {
        file: shown(path),
        hint: 'Rename it with UTF-8 characters.',
      }),
    );
    return false;
  }
}

function isOutside(root: string, path: string): boolean {
  const rel = relative(root, realpathSync(path));
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function unreadable(cause: unknown, shown: string): Diagnostic {
  return error('unreadable', `Cannot read this path: ${describeFsError(cause)}.`, {
    file: shown,
    hint: 'Check that it exists and that you may read it.',
  });
}

export interface LoadedControls {
  controls: Control[];
  diagnostics: Diagnostic[];
  files: string[];
  /** How the folder is named in messages (relative to the cwd). */
  displayDir: string;
}

/** Reads and parses every control file under `dir`. Missing or empty folders are usage errors. */
export function loadControlsDir(dir: string, cwd: string, options: { cache?: boolean } = {}): LoadedControls {
  const absolute = resolve(cwd, dir);
  const displayDir = displayPath(absolute, cwd);
  const snapshot = resolve(absolute) === resolve(builtinControlsDir) ? snapshotLibrary() : undefined;
  if (snapshot) return fromSnapshot(snapshot, absolute, cwd, displayDir);
  if (!existsSync(absolute)) {
    throw new UsageError(
      `Controls folder "${displayDir}" does not exist.`,
      'Pass --controls <dir>, or run `soc2-ready init` to start from the built-in library.',
    );
  }
  const notes: Diagnostic[] = [];
  const files = controlFilesAt(absolute, displayDir, notes, cwd);
  if (files.length === 0) {
    throw new UsageError(
      `Controls folder "${displayDir}" holds no .yaml or .yml files.`,
      'Point --controls at the folder with your control files.',
    );
  }
  const controls: Control[] = [];
  const diagnostics: Diagnostic[] = notes;
  const cache = options.cache ? openParseCache(absolute) : undefined;
  for (const file of files) {
    const shown = displayPath(file, cwd);
    const { text, diagnostic } = readTextFile(file, shown);
    if (diagnostic) {
      diagnostics.push(diagnostic);
      continue;
    }
    const result = readControlFile(text, shown, relative(absolute, file) || basename(file), cache);
    controls.push(...result.controls);
    diagnostics.push(...result.diagnostics);
  }
  cache?.save();
  return { controls, diagnostics, files, displayDir };
}

/**
 * One control file's controls: from the build snapshot when it is a copy of a shipped file, from
 * the parse cache when it is unchanged since it was last parsed, else parsed (and cached when clean).
 */
function readControlFile(text: string, shown: string, rel: string, cache: ParseCache | undefined): ControlFileResult {
  const known = knownControlFile(text, shown) ?? cache?.get(rel, text, shown);
  if (known) return { controls: known, diagnostics: [] };
  const result = parseControlFile(text, shown);
  if (result.diagnostics.length === 0) cache?.put(rel, text, result.controls);
  return result;
}

/** The control files a --controls path names: a folder's YAML files, or the one regular file. */
function controlFilesAt(absolute: string, displayDir: string, notes: Diagnostic[], cwd: string): string[] {
  const st = withFsErrors('reading', displayDir, () => statSync(absolute));
  if (st.isDirectory()) return withFsErrors('reading', displayDir, () => findYamlFiles(absolute, notes, cwd));
  if (st.isFile()) return [absolute];
  throw new UsageError(
    `Controls path "${displayDir}" is not a folder or a regular file.`,
    'Point --controls at the folder with your control files.',
  );
}

/** The built-in library from the build-time snapshot, with file paths shown relative to the cwd. */
function fromSnapshot(snapshot: BuiltinLibrary, dir: string, cwd: string, displayDir: string): LoadedControls {
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
  /** The config file, when there is one. */
  path?: string;
}

/** Reads soc2-ready.yaml from `cwd` (or an explicit path); an absent default file is an empty config. */
export function loadConfig(cwd: string, explicit?: string): LoadedConfig {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`Config file "${explicit}" does not exist.`);
    return { config: EMPTY_CONFIG, diagnostics: [], baseDir: cwd };
  }
  const shown = displayPath(path, cwd);
  const { text, diagnostic } = readTextFile(path, shown);
  if (diagnostic) {
    if (environmentError(diagnostic)) throw environmentError(diagnostic);
    return { config: { ...EMPTY_CONFIG, file: shown }, diagnostics: [diagnostic], baseDir: dirname(path), path };
  }
  const parsed = parseConfig(text, shown);
  return { ...parsed, baseDir: dirname(path), path };
}
