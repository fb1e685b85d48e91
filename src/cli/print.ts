/** The only module that colours (chalk) or draws tables (cli-table3). Load it lazily. */
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { formatLocation, type Diagnostic } from '../diagnostics.js';
import { inert } from '../text/terminal.js';

export interface Painter {
  level: number;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export function painter(level: 0 | 1 | 2 | 3): Painter {
  const chalk = new Chalk({ level });
  return {
    level,
    red: (s) => chalk.red(s),
    yellow: (s) => chalk.yellow(s),
    green: (s) => chalk.green(s),
    cyan: (s) => chalk.cyan(s),
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
  };
}

/** A plain table: cli-table3's own colours are switched off so pipes stay clean. */
export function table(head: string[], rows: (string | number)[][], align: ('left' | 'right')[] = []): string {
  const t = new Table({
    head,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colAligns: align.length > 0 ? align : undefined,
  });
  t.push(...rows.map((r) => r.map(String)));
  return t.toString();
}

/** `file:line:col  error  code  message hint` with the severity coloured. */
export function diagnosticLine(d: Diagnostic, paint: Painter): string {
  const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const text = d.hint ? `${inert(d.message)} ${paint.dim(inert(d.hint))}` : inert(d.message);
  return [inert(formatLocation(d)), severity, paint.dim(inert(d.code)), text].filter((p) => p !== '').join('  ');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
