/**
 * A build-time snapshot of the shipped content (catalog, questionnaire, control library), already
 * parsed and validated, so commands skip yaml and ajv for it entirely. Each part is used only while
 * the file it came from is unchanged: the snapshot keeps a hash of every shipped file.
 *
 * The same hashes make the snapshot work for an `init`-ed project, whose controls folder starts as a
 * copy of the library: a control file whose text hashes to a shipped file's parses, by definition, to
 * what that file parsed to at build time (the parser is pure), so it is taken from the snapshot and
 * only the files the user has edited are read as YAML.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Control } from '../catalog/types.js';
import { buildDir, builtinCatalogFile, builtinControlsDir, builtinQuestionnaireFile } from './paths.js';
import type { QuestionnaireContent } from '../questionnaire/content.js';

/** The parsed built-in control library. */
export interface BuiltinLibrary {
  /** Control files, relative to the controls folder, in load order. */
  files: string[];
  /** Locations hold paths relative to the controls folder. */
  controls: Control[];
}

/** What each shipped file looked like at build time: `catalog`, `questionnaire`, then each control file. */
export type SnapshotIndex = Record<string, FileKey>;

/**
 * A file's text, identified: its length (a cheap first test, so files that are not copies of the
 * library are never hashed) and its sha256, both with the editor's schema line left out.
 */
export interface FileKey {
  length: number;
  hash: string;
}

/**
 * One file per part, so a command reads only what it uses: `check` on the user's own controls needs
 * the catalog (38 KB of JSON), not the 350 KB library.
 */
export const SNAPSHOT_FILES = {
  catalog: join(buildDir, 'builtin-catalog.json'),
  questionnaire: join(buildDir, 'builtin-questionnaire.json'),
  library: join(buildDir, 'builtin-library.json'),
};
/** Small, so a run that reads other files can rule them out without loading the snapshot. */
export const SNAPSHOT_INDEX_FILE = join(buildDir, 'builtin-index.json');

/**
 * An editor's schema line at the top of a file (`init` points it at the project's copy of the
 * schemas). It is a whole-line comment, so it changes neither the data nor any line or column.
 */
const SCHEMA_LINE = /^# yaml-language-server: \$schema=[ -~]*\n/;

const withoutSchemaLine = (text: string) => text.replace(SCHEMA_LINE, '#\n');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const readText = (path: string) => readFileSync(path, 'utf8');

/** The key the snapshot knows a file's text by. */
export function fileKey(text: string): FileKey {
  const normalized = withoutSchemaLine(text);
  return { length: normalized.length, hash: sha256(normalized) };
}

/** The index of the shipped files a snapshot is built from (build-content.js and the tests use it). */
export function shippedIndex(controlFiles: readonly string[]): SnapshotIndex {
  const index: SnapshotIndex = {
    catalog: fileKey(readText(builtinCatalogFile)),
    questionnaire: fileKey(readText(builtinQuestionnaireFile)),
  };
  for (const file of controlFiles) index[file] = fileKey(readText(join(builtinControlsDir, file)));
  return index;
}

/** Reads a build output once; undefined when it is absent (running from src/ in tests) or unreadable. */
function builtOnce<T>(path: string): () => T | undefined {
  let value: T | null | undefined;
  return () => {
    if (value === undefined) {
      try {
        value = JSON.parse(readFileSync(path, 'utf8')) as T;
      } catch {
        value = null;
      }
    }
    return value ?? undefined;
  };
}

const snapshotCatalogFile = builtOnce<Catalog>(SNAPSHOT_FILES.catalog);
const snapshotQuestionnaireFile = builtOnce<QuestionnaireContent>(SNAPSHOT_FILES.questionnaire);
const snapshotLibraryFile = builtOnce<BuiltinLibrary>(SNAPSHOT_FILES.library);
const snapshotIndex = builtOnce<SnapshotIndex>(SNAPSHOT_INDEX_FILE);

/** Whether `normalized` (schema line left out) is the text `key` was made from; hashed only if lengths agree. */
function matches(key: FileKey | undefined, normalized: string): boolean {
  return key !== undefined && normalized.length === key.length && sha256(normalized) === key.hash;
}

/** Whether the shipped file behind `name` still has the text the snapshot was built from. */
function unchanged(name: string, path: string): boolean {
  try {
    return matches(snapshotIndex()?.[name], withoutSchemaLine(readText(path)));
  } catch {
    return false;
  }
}

/** The shipped catalog, parsed, while criteria/tsc-2017.yaml is unchanged. */
export function snapshotCatalog(): Catalog | undefined {
  return unchanged('catalog', builtinCatalogFile) ? snapshotCatalogFile() : undefined;
}

/** The shipped questionnaire, parsed, while criteria/questionnaire.yaml is unchanged. */
export function snapshotQuestionnaire(): QuestionnaireContent | undefined {
  return unchanged('questionnaire', builtinQuestionnaireFile) ? snapshotQuestionnaireFile() : undefined;
}

let cachedLibrary: BuiltinLibrary | null | undefined;

/** The whole built-in library, while criteria/controls/ holds exactly the files it was built from. */
export function snapshotLibrary(): BuiltinLibrary | undefined {
  if (cachedLibrary !== undefined) return cachedLibrary ?? undefined;
  cachedLibrary = null;
  try {
    const index = snapshotIndex() ?? {};
    const shipped = Object.keys(index).filter((name) => name !== 'catalog' && name !== 'questionnaire');
    const files = readdirSync(builtinControlsDir).filter((f) => /\.ya?ml$/i.test(f));
    const current =
      shipped.length > 0 &&
      files.length === shipped.length &&
      shipped.every((f) => unchanged(f, join(builtinControlsDir, f)));
    if (current) cachedLibrary = snapshotLibraryFile() ?? null;
  } catch {
    // An unreadable controls folder: parse (and report) instead.
  }
  return cachedLibrary ?? undefined;
}

let controlFileKeys: [string, FileKey][] | undefined;

/**
 * The controls of a file whose text is a shipped control file's (up to the schema line), with
 * locations in `file`; undefined for any other text. Shipped files parse without diagnostics (the
 * build checks), so there are none to return.
 */
export function knownControlFile(text: string, file: string): Control[] | undefined {
  controlFileKeys ??= Object.entries(snapshotIndex() ?? {}).filter(([n]) => n !== 'catalog' && n !== 'questionnaire');
  const normalized = withoutSchemaLine(text);
  const name = controlFileKeys.find(([, key]) => matches(key, normalized))?.[0];
  if (name === undefined) return undefined;
  const controls = snapshotLibraryFile()?.controls.filter((c) => c.location.file === name);
  return controls?.map((c) => ({ ...c, location: { ...c.location, file } }));
}
