/** Pairs `--format` and `-o` flags into outputs; several pairs in one run are allowed. */
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../runtime/fs-atomic.js';
import type { Io } from './io.js';

export interface Output<F extends string> {
  format: F;
  /** Absolute path, or undefined for stdout. */
  path?: string;
}

const BY_EXTENSION: Record<string, string> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.json': 'json',
  '.xml': 'junit',
  '.sarif': 'sarif',
  '.txt': 'text',
};

/** --format and -o flags in the order they were given on the command line. */
export type OutputFlag = { kind: 'format' | 'output'; value: string };

/**
 * Pairs flags in command-line order: each -o takes the --format given just before it, else the
 * format its extension names (.md .html .json .xml .sarif .txt). A --format not followed by an -o
 * goes to stdout (only one may). No flags at all: `fallback` on stdout.
 */
export function resolveOutputs<F extends string>(
  flags: readonly OutputFlag[],
  allowed: readonly F[],
  fallback: F,
  cwd: string,
): Output<F>[] {
  const outputs: Output<string>[] = [];
  let pending: string | undefined;
  for (const flag of flags) {
    if (flag.kind === 'format') {
      if (pending !== undefined) outputs.push({ format: pending });
      pending = flag.value;
      continue;
    }
    const format = pending ?? BY_EXTENSION[extname(flag.value).toLowerCase()];
    if (format === undefined)
      throw new UsageError(
        `Cannot tell the format of "${flag.value}" from its extension.`,
        `Put --format (${allowed.join(', ')}) before it.`,
      );
    outputs.push({ format, path: flag.value === '-' ? undefined : resolve(cwd, flag.value) });
    pending = undefined;
  }
  if (pending !== undefined) outputs.push({ format: pending });
  if (outputs.length === 0) outputs.push({ format: fallback });
  for (const o of outputs) {
    if (!allowed.includes(o.format as F))
      throw new UsageError(`Unknown format "${o.format}".`, `Use one of: ${allowed.join(', ')}.`);
  }
  if (outputs.filter((o) => o.path === undefined).length > 1) {
    throw new UsageError('Only one output can go to stdout.', 'Give each extra --format its own -o <file>.');
  }
  return outputs as Output<F>[];
}

/** For callers without command-line order (the programmatic API): the i-th format pairs with the i-th file. */
export function flagsOf(options: { format: string[]; output: string[] }): OutputFlag[] {
  const flags: OutputFlag[] = [];
  for (let i = 0; i < Math.max(options.format.length, options.output.length); i++) {
    if (options.format[i] !== undefined) flags.push({ kind: 'format', value: options.format[i]! });
    if (options.output[i] !== undefined) flags.push({ kind: 'output', value: options.output[i]! });
  }
  return flags;
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
