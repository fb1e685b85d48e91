/**
 * CommonJS dependencies loaded on first use. The build (scripts/bundle.js) packs each into one file
 * under dist/vendor/, which loads several times faster than the package's many modules (yaml: 26 ms
 * → 5 ms); when that file is absent (tests run from src/), the package itself is loaded.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildDir } from './paths.js';

const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

export type VendorName = 'yaml' | 'handlebars' | 'handlebars/runtime' | 'ajv';

export function vendor<T>(name: VendorName): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  let module: unknown;
  try {
    module = require(join(buildDir, 'vendor', `${name.replace('/', '-')}.cjs`));
  } catch {
    module = require(name);
  }
  loaded.set(name, module);
  return module as T;
}

/** A file the build generated next to the compiled code (validators, templates), or undefined. */
export function requireBuilt<T>(...segments: string[]): T | undefined {
  try {
    return require(join(buildDir, ...segments)) as T;
  } catch {
    return undefined;
  }
}
