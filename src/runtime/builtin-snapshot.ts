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

export interface BuiltinSnapshot {
  catalog: Catalog;
  questionnaire: QuestionnaireContent;
  /** Control files, relative to the controls folder, in load order. */
  files: string[];
  /** Locations hold paths relative to the controls folder. */
  controls: Control[];
  /** sha256 of each shipped file: `catalog`, `questionnaire`, then each of `files` by its name. */
  hashes: Record<string, string>;
}

export const SNAPSHOT_FILE = join(buildDir, 'builtin-content.json');

/**
 * An editor's schema line at the top of a file (`init` points it at the project's copy of the
 * schemas). It is a whole-line comment, so it changes neither the data nor any line or column.
 */
const SCHEMA_LINE = /^# yaml-language-server: \$schema=[ -~]*\n/;

/** The hash the snapshot keys files by: sha256 of the text, with the schema line left out. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.replace(SCHEMA_LINE, '#\n')).digest('hex');
}

const readText = (path: string) => readFileSync(path, 'utf8');

/** The hashes of the shipped files a snapshot is built from (build-content.js and the tests use it). */
export function shippedHashes(controlFiles: readonly string[]): Record<string, string> {
  const hashes: Record<string, string> = {
    catalog: textHash(readText(builtinCatalogFile)),
    questionnaire: textHash(readText(builtinQuestionnaireFile)),
  };
  for (const file of controlFiles) hashes[file] = textHash(readText(join(builtinControlsDir, file)));
  return hashes;
}

let cachedFile: BuiltinSnapshot | null | undefined;

/** The snapshot as built, unchecked; undefined in tests (no build). */
function snapshotFile(): BuiltinSnapshot | undefined {
  if (cachedFile !== undefined) return cachedFile ?? undefined;
  try {
    cachedFile = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as BuiltinSnapshot;
  } catch {
    cachedFile = null; // running from src/, or unreadable: parse the YAML instead
  }
  return cachedFile ?? undefined;
}

/** Whether the shipped file behind `key` still has the bytes the snapshot was built from. */
function unchanged(snapshot: BuiltinSnapshot, key: string, path: string): boolean {
  try {
    return snapshot.hashes[key] === textHash(readText(path));
  } catch {
    return false;
  }
}

/** The shipped catalog, parsed, while criteria/tsc-2017.yaml is unchanged. */
export function snapshotCatalog(): Catalog | undefined {
  const snapshot = snapshotFile();
  return snapshot && unchanged(snapshot, 'catalog', builtinCatalogFile) ? snapshot.catalog : undefined;
}

/** The shipped questionnaire, parsed, while criteria/questionnaire.yaml is unchanged. */
export function snapshotQuestionnaire(): QuestionnaireContent | undefined {
  const snapshot = snapshotFile();
  return snapshot && unchanged(snapshot, 'questionnaire', builtinQuestionnaireFile)
    ? snapshot.questionnaire
    : undefined;
}

let cachedLibrary: BuiltinSnapshot | null | undefined;

/** The whole built-in library, while criteria/controls/ holds exactly the files it was built from. */
export function snapshotLibrary(): BuiltinSnapshot | undefined {
  if (cachedLibrary !== undefined) return cachedLibrary ?? undefined;
  const snapshot = snapshotFile();
  cachedLibrary = null;
  try {
    const files = readdirSync(builtinControlsDir).filter((f) => /\.ya?ml$/i.test(f));
    const current =
      snapshot !== undefined &&
      files.length === snapshot.files.length &&
      snapshot.files.every((f) => unchanged(snapshot, f, join(builtinControlsDir, f)));
    if (current) cachedLibrary = snapshot;
  } catch {
    // An unreadable controls folder: parse (and report) instead.
  }
  return cachedLibrary ?? undefined;
}

let filesByHash: Map<string, Control[]> | undefined;

/**
 * The controls of a file whose text is byte-identical to a shipped control file, with locations in
 * `file`; undefined for any other text. Shipped files parse without diagnostics (the build checks).
 */
export function knownControlFile(text: string, file: string): Control[] | undefined {
  const snapshot = snapshotFile();
  if (!snapshot) return undefined;
  if (!filesByHash) {
    const byFile = new Map<string, Control[]>(snapshot.files.map((f) => [f, []]));
    for (const control of snapshot.controls) byFile.get(control.location.file)?.push(control);
    filesByHash = new Map(snapshot.files.map((f) => [snapshot.hashes[f]!, byFile.get(f)!]));
  }
  const controls = filesByHash.get(textHash(text));
  return controls?.map((c) => ({ ...c, location: { ...c.location, file } }));
}
