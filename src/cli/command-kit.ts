/** What every command registration shares: the exit setter, --format/-o order tracking, help examples. */
import type { Command } from '@commander-js/extra-typings';
import type { ExitCode } from './exit-code.js';
import type { OutputFlag } from './outputs.js';

export type SetExit = (code: ExitCode) => void;

/** Records --format and -o in command-line order (commander keeps each list, not their interleaving). */
export function trackOutputs(command: Command): OutputFlag[] {
  const flags: OutputFlag[] = [];
  command.on('option:format', (value: string) => flags.push({ kind: 'format', value }));
  command.on('option:output', (value: string) => flags.push({ kind: 'output', value }));
  return flags;
}

export const collect = (value: string, previous: string[]) => [...previous, value];

export const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
