/** Pairs `--format` and `-o` flags into outputs; several pairs in one run are allowed. */
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkWriteTarget, writeFileAtomic } from '../runtime/fs-atomic.js';
import { displayPath } from '../runtime/paths.js';
import { guardWorkflowCommands } from '../text/terminal.js';
import type { Formats } from '../formats/registry.js';
import { inGithubActions } from './github-actions.js';
import type { Io } from './io.js';

export interface Output {
  /** A key of the command's formats. */
  format: string;
  /** Absolute path, or undefined for stdout. */
  path?: string;
}

/** --format and -o flags in the order they were given on the command line. */
export type OutputFlag = { kind: 'format' | 'output'; value: string };

/** The format whose extensions include the file's, if any. */
function formatOfFile(file: string, formats: Formats<never, unknown>): string | undefined {
  const extension = extname(file).toLowerCase();
  return Object.keys(formats).find((name) => formats[name]!.extensions.includes(extension));
}

/**
 * Pairs flags in command-line order: each -o takes the --format given just before it, else the
 * format its extension names (from the command's formats). A --format not followed by an -o goes to
 * stdout (only one may). No flags at all: `fallback` on stdout. Unknown formats are usage errors
 * naming the command's formats.
 */
export function resolveOutputs(
  flags: readonly OutputFlag[],
  formats: Formats<never, unknown>,
  fallback: string,
  cwd: string,
): Output[] {
  const allowed = Object.keys(formats);
  const outputs: Output[] = [];
  let pending: string | undefined;
  for (const flag of flags) {
    if (flag.kind === 'format') {
      if (pending !== undefined) outputs.push({ format: pending });
      pending = flag.value;
      continue;
    }
    const format = pending ?? formatOfFile(flag.value, formats);
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
    if (!allowed.includes(o.format))
      throw new UsageError(`Unknown format "${o.format}".`, `Use one of: ${allowed.join(', ')}.`);
    if (o.path === undefined && !formats[o.format]!.stdout)
      throw new UsageError(
        `The ${o.format} format cannot go to stdout.`,
        `Write it to a file: --format ${o.format} -o <file>${formats[o.format]!.extensions[0] ?? ''}.`,
      );
  }
  if (outputs.filter((o) => o.path === undefined).length > 1) {
    throw new UsageError('Only one output can go to stdout.', 'Give each extra --format its own -o <file>.');
  }
  return outputs;
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

export interface WriteOutputOptions {
  /** Files this run read: an output onto one of them is refused (it would destroy the input). */
  inputs?: readonly string[];
  /** The document is the tool's own GitHub workflow commands (format `github`): not guarded. */
  workflowCommands?: boolean;
}

/**
 * Before any work: every -o target must be a writable regular file (or new) that is not an input,
 * so a wrong path fails at once instead of after rendering (or after the questions).
 */
export function checkOutputTargets(outputs: readonly Output[], io: Io, inputs: readonly string[]): void {
  for (const o of outputs)
    if (o.path !== undefined) checkWriteTarget(o.path, { shown: displayPath(o.path, io.cwd), inputs });
}

/**
 * Writes each rendered document: files atomically (see fs-atomic.ts), else stdout. Under GitHub
 * Actions no stdout line may start a workflow command the tool did not write.
 */
export function writeOutput(
  path: string | undefined,
  content: string | Uint8Array,
  io: Io,
  options: WriteOutputOptions = {},
): void {
  if (path !== undefined) writeFileAtomic(path, content, { shown: displayPath(path, io.cwd), inputs: options.inputs });
  else if (inGithubActions(io.env) && !options.workflowCommands && typeof content === 'string')
    io.stdout.write(guardWorkflowCommands(content));
  else io.stdout.write(content);
}
