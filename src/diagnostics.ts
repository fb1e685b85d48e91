import { inert } from './text/terminal.js';

/** Problems are data: loaders and rules return them, only the CLI decides colour and exit code. */
import type { DiagnosticCode } from './diagnostic-codes.js';

export type { DiagnosticCode } from './diagnostic-codes.js';
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Stable machine id, one of the table in diagnostic-codes.ts. */
  code: DiagnosticCode;
  severity: Severity;
  /** One sentence naming the id concerned; no colour, no trailing hint. */
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** The next action, e.g. Did you mean "CC9.2"? */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

export function error(code: DiagnosticCode, message: string, at: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'error', message, ...at };
}

export function warning(code: DiagnosticCode, message: string, at: Partial<Diagnostic> = {}): Diagnostic {
  return { code, severity: 'warning', message, ...at };
}

/** A diagnostic as the JSON formats print it: every field present, absent ones as null. */
export function diagnosticJson(d: Diagnostic) {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.file ?? null,
    line: d.line ?? null,
    column: d.column ?? null,
    hint: d.hint ?? null,
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col` (as much of it as is known), or '' when the problem has no place. */
export function formatLocation(d: Diagnostic): string {
  if (!d.file) return '';
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/**
 * The plain one-line form: `controls/a.yaml:14:17  error  unknown-criterion  Message. Hint`. Always
 * one line, for a terminal: control characters from file names or content are shown visibly.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const text = d.hint ? `${d.message} ${d.hint}` : d.message;
  return [formatLocation(d), d.severity, d.code, text]
    .filter((part) => part !== '')
    .map((part) => inert(part))
    .join('  ');
}

/** Natural order for ids: CC1.2 before CC1.10, ACC-9 before ACC-10. Never localeCompare. */
export function naturalCompare(a: string, b: string): number {
  const split = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const pa = split(a);
  const pb = split(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumbers) return Number(x) - Number(y) || x.length - y.length;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Stable order for output: by file (natural), line, column; problems without a file last. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => {
    if (a.file !== b.file) {
      if (a.file === undefined) return 1;
      if (b.file === undefined) return -1;
      return naturalCompare(a.file, b.file);
    }
    return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
  });
}
