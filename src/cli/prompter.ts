/** The only module that imports @inquirer/prompts. Prompts draw on stderr so stdout stays clean. */
import { checkbox, input, select, Separator } from '@inquirer/prompts';
import { InterruptedError } from '../errors.js';
import { inert } from '../text/terminal.js';
import type { Io } from './io.js';

export interface SelectChoice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  input(
    message: string,
    options?: { default?: string; required?: boolean; validate?: (value: string) => true | string },
  ): Promise<string>;
  select<T>(message: string, choices: (SelectChoice<T> | 'separator')[], defaultValue?: T): Promise<T>;
  checkbox<T>(message: string, choices: { name: string; value: T; checked: boolean }[]): Promise<T[]>;
  /**
   * Runs `task` once the next prompt is drawn, while it waits for a key: for work worth doing ahead of
   * time. A head start only: errors are ignored (the work is done again, and reported, when needed).
   */
  whenWaiting?(task: () => void): void;
}

/** Choice labels, descriptions and defaults come from files: shown inert, values passed through. */
function inertChoice<T>(c: SelectChoice<T>): SelectChoice<T> {
  return { ...c, name: inert(c.name), description: c.description === undefined ? undefined : inert(c.description) };
}

/** A Prompter over @inquirer/prompts on the command's stdin and stderr; Ctrl-C becomes an InterruptedError carrying `resumeHint`. */
export function inquirerPrompter(resumeHint: string, io: Pick<Io, 'stdin' | 'stderr'>): Prompter {
  const context = { input: io.stdin, output: io.stderr };
  const waiting: (() => void)[] = [];
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      const answer = run();
      // Inquirer draws a terminal prompt in a setImmediate queued as the prompt starts: this one runs after it.
      if (waiting.length > 0) setImmediate(runQuietly, waiting.splice(0));
      return await answer;
    } catch (cause) {
      if (cause instanceof Error && cause.name === 'ExitPromptError') throw new InterruptedError(resumeHint);
      throw cause;
    }
  };
  return {
    whenWaiting: (task) => void waiting.push(task),
    input: (message, options = {}) =>
      guard(() =>
        input(
          {
            message,
            default: options.default === undefined ? undefined : inert(options.default),
            required: options.required,
            // A reason of spaces only is no reason: trimmed, it would be saved empty and the file refused.
            validate:
              options.validate ??
              (options.required ? (value: string) => value.trim() !== '' || 'Please type a reason.' : undefined),
          },
          context,
        ),
      ),
    select: <T>(message: string, choices: (SelectChoice<T> | 'separator')[], defaultValue?: T) =>
      guard(() =>
        select<T>(
          {
            message,
            choices: choices.map((c) => (c === 'separator' ? new Separator() : inertChoice(c))),
            default: defaultValue,
            pageSize: 12,
            loop: false,
          },
          context,
        ),
      ),
    checkbox: <T>(message: string, choices: { name: string; value: T; checked: boolean }[]) =>
      guard(() => checkbox<T>({ message, choices: choices.map((c) => ({ ...c, name: inert(c.name) })) }, context)),
  };
}

function runQuietly(tasks: (() => void)[]): void {
  for (const task of tasks) {
    try {
      task();
    } catch {
      // Ignored: see Prompter.whenWaiting.
    }
  }
}
