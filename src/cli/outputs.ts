/** Pairs `--format` and `-o` flags into outputs; several pairs in one run are allowed. */
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../fs-atomic.js';
import type { Io } from './main.js';

export interface Output<F extends string> {
  format: F;
  /** Absolute path, or undefined for stdout. */
  path?: string;
}

const BY_EXTENSION: Record<string, string> = { '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.json': 'json', '.xml': 'junit', '.sarif': 'sarif', '.txt': 'text' };

/**
 * The i-th --format goes to the i-th -o. An -o without a --format takes its format from the file
 * extension; a --format without an -o goes to stdout (only one may). No flags: `fallback` on stdout.
 */
export function resolveOutputs<F extends string>(formats: string[], files: string[], allowed: readonly F[], fallback: F, cwd: string): Output<F>[] {
  const count = Math.max(formats.length, files.length, 1);
  const outputs: Output<F>[] = [];
  for (let i = 0; i < count; i++) {
    const file = files[i];
    const format = formats[i] ?? (file ? BY_EXTENSION[extname(file).toLowerCase()] : fallback);
    if (format === undefined) throw new UsageError(`Cannot tell the format of "${file}" from its extension.`, `Add --format (${allowed.join(', ')}).`);
    if (!allowed.includes(format as F)) throw new UsageError(`Unknown format "${format}".`, `Use one of: ${allowed.join(', ')}.`);
    outputs.push({ format: format as F, path: file === undefined || file === '-' ? undefined : resolve(cwd, file) });
  }
  if (outputs.filter((o) => o.path === undefined).length > 1) {
    throw new UsageError('Only one output can go to stdout.', 'Give each extra --format its own -o <file>.');
  }
  return outputs;
}

/** Writes each rendered document: files atomically (an existing report is never half-written), else stdout. */
export function writeOutput(path: string | undefined, content: string, io: Io): void {
  if (path === undefined) io.stdout.write(content);
  else writeFileAtomic(path, content);
}

/** Whether to emit GitHub annotations and a step summary automatically (inside GitHub Actions). */
export function inGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

