/**
 * A build-time snapshot of the shipped content (catalog, questionnaire, control library), already
 * parsed and validated, so commands on the built-in library skip yaml and ajv entirely (~300 ms).
 * It is used only while its hash matches the YAML files on disk; any edit falls back to parsing.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Control } from '../catalog/types.js';
import { buildDir, builtinCatalogFile, builtinControlsDir, builtinQuestionnaireFile } from './paths.js';
import type { QuestionnaireContent } from '../questionnaire/content.js';

export interface BuiltinSnapshot {
  hash: string;
  catalog: Catalog;
  questionnaire: QuestionnaireContent;
  /** Control files, relative to the controls folder, in load order. */
  files: string[];
  /** Locations hold paths relative to the controls folder. */
  controls: Control[];
}

export const SNAPSHOT_FILE = join(buildDir, 'builtin-content.json');

/** Hash of every shipped content file, in a fixed order. */
export function contentHash(controlFiles: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [
    builtinCatalogFile,
    builtinQuestionnaireFile,
    ...controlFiles.map((f) => join(builtinControlsDir, f)),
  ]) {
    hash
      .update(file.slice(file.lastIndexOf('criteria')))
      .update('\0')
      .update(readFileSync(file))
      .update('\0');
  }
  return hash.digest('hex');
}

let cached: BuiltinSnapshot | null | undefined;

/** The snapshot if it exists and is current; undefined in tests (no build) or after content edits. */
export function builtinSnapshot(): BuiltinSnapshot | undefined {
  if (cached !== undefined) return cached ?? undefined;
  cached = null;
  try {
    const snapshot = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as BuiltinSnapshot;
    const files = readdirSync(builtinControlsDir).filter((f) => /\.ya?ml$/i.test(f));
    if (files.length === snapshot.files.length && contentHash(snapshot.files) === snapshot.hash) cached = snapshot;
  } catch {
    // No snapshot (running from src/) or unreadable: parse the YAML instead.
  }
  return cached ?? undefined;
}
