import { fileURLToPath } from 'node:url';
import { relative, isAbsolute, sep } from 'node:path';

/** The folder this module runs from: src/ in tests, dist/ when built (and for the bundle). */
export const buildDir = fileURLToPath(new URL('./', import.meta.url));

/** The package's own folder: the parent of src/ (in tests) or dist/ (built). */
export const packageRoot = fileURLToPath(new URL('../', import.meta.url));

export const builtinCatalogFile = fileURLToPath(new URL('../criteria/tsc-2017.yaml', import.meta.url));
export const builtinControlsDir = fileURLToPath(new URL('../criteria/controls/', import.meta.url));
export const builtinQuestionnaireFile = fileURLToPath(new URL('../criteria/questionnaire.yaml', import.meta.url));
export const schemaDir = fileURLToPath(new URL('../criteria/schema/', import.meta.url));
export const templatesDir = fileURLToPath(new URL('../templates/', import.meta.url));

/** A path as the user should read it in messages: relative to cwd, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = isAbsolute(path) ? relative(cwd, path) : path;
  const shown = rel === '' ? '.' : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}
