/**
 * Which controls folder a command reads. One order for every command:
 *   1. --controls <dir> (relative to the working folder);
 *   2. the folder the answers file records (relative to the answers file), when there is one;
 *   3. `controls:` in soc2-ready.yaml (relative to the config file);
 *   4. the built-in library.
 * `check` has no answers file, so for it the order is flag, config, built-in.
 */
import { dirname, resolve } from 'node:path';
import { BUILTIN_CONTROLS } from '../answers.js';
import { builtinControlsDir } from '../runtime/paths.js';
import type { LoadedConfig } from './load.js';

export interface ControlsDirSources {
  /** The --controls flag. */
  option?: string;
  /** The answers file: its path and the `controls:` it records ("builtin" or a relative folder). */
  answers?: { path: string; controls?: string };
  config: LoadedConfig;
  cwd: string;
}

export function resolveControlsDir({ option, answers, config, cwd }: ControlsDirSources): string {
  if (option) return resolve(cwd, option);
  if (answers?.controls && answers.controls !== BUILTIN_CONTROLS)
    return resolve(dirname(answers.path), answers.controls);
  if (config.config.controls) return resolve(config.baseDir, config.config.controls);
  return builtinControlsDir;
}
