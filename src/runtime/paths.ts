import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, sep } from 'node:path';

/**
 * The folder the compiled code runs from: src/ in tests, dist/ when built. This module lives in
 * runtime/ under it (tsc keeps that layout), but the bundle inlines it into a chunk at the top of
 * dist/, so the folder is found from where the code actually runs.
 */
const here = new URL('./', import.meta.url);
const buildUrl = here.pathname.endsWith('/runtime/') ? new URL('../', here) : here;

export const buildDir = fileURLToPath(buildUrl);

/** The package's own folder: the parent of src/ (in tests) or dist/ (built). */
export const packageRoot = fileURLToPath(new URL('../', buildUrl));

export const builtinCatalogFile = fileURLToPath(new URL('../criteria/tsc-2017.yaml', buildUrl));
export const builtinControlsDir = fileURLToPath(new URL('../criteria/controls/', buildUrl));
export const builtinQuestionnaireFile = fileURLToPath(new URL('../criteria/questionnaire.yaml', buildUrl));
export const schemaDir = fileURLToPath(new URL('../criteria/schema/', buildUrl));
export const templatesDir = fileURLToPath(new URL('../templates/', buildUrl));

/** A path as the user should read it in messages: relative to cwd, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  // A relative path that climbs up to the root ("../../../etc") reads worse than the absolute one.
  const ups = rel.split(sep).filter((part) => part === '..').length;
  const depth = cwd.split(sep).filter((part) => part !== '').length;
  const climbsToRoot = isAbsolute(path) && ups > 0 && ups >= depth;
  const shown = climbsToRoot ? path : rel === '' ? '.' : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
