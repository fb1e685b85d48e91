import { formatLocation, type Diagnostic } from '../diagnostics.js';
import { markdownCell } from '../text/markdown.js';
import { inert } from '../text/terminal.js';
import type { CriterionOutcome, FindingLocation, Findings } from './findings.js';

/**
 * GitHub Actions output: workflow-command annotations (shown inline on the diff) and a Markdown
 * job summary (for $GITHUB_STEP_SUMMARY). GitHub keeps only 10 error and 10 warning annotations
 * per step, so the rest are counted in one notice that points at the summary, which lists all.
 */

export interface AnnotationLimits {
  error: number;
  warning: number;
}

interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  at?: FindingLocation;
}

/** Same as @actions/core's escapeData. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Same as @actions/core's escapeProperty. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function joinText(separator: string, ...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}

function failureLabel(command: Findings['command']): string {
  return command === 'check' ? 'unmapped' : 'gap';
}

function fromDiagnostic(d: Diagnostic): Annotation {
  const at = d.file === undefined ? undefined : { file: d.file, line: d.line, column: d.column };
  return { level: d.severity, title: d.code, message: joinText(' ', d.message, d.hint), at };
}

function fromOutcome(outcome: CriterionOutcome, command: Findings['command']): Annotation {
  return {
    level: 'error',
    title: `${outcome.id} ${failureLabel(command)}`,
    message: joinText('\n', outcome.reason ?? `${outcome.id} did not pass.`, outcome.remediation),
    at: outcome.location,
  };
}

function command(a: Annotation): string {
  const props: string[] = [];
  // A line means nothing without a file, nor a column without a line.
  if (a.at) {
    props.push(`file=${escapeProperty(inert(a.at.file))}`);
    if (a.at.line !== undefined) {
      props.push(`line=${a.at.line}`);
      if (a.at.column !== undefined) props.push(`col=${a.at.column}`);
    }
  }
  // Control characters from files are shown visibly (the log may be read in a terminal); line breaks
  // in the message stay line breaks (escaped as %0A like @actions/core does).
  props.push(`title=${escapeProperty(inert(a.title))}`);
  const message = a.message
    .split('\r')
    .map((part) => inert(part, { keepNewlines: true }))
    .join('\r');
  return `::${a.level} ${props.join(',')}::${escapeData(message)}`;
}

function failed(findings: Findings): CriterionOutcome[] {
  return findings.outcomes.filter((o) => o.status === 'failed');
}

/** Content errors that stop a command (e.g. an invalid answers file) as escaped annotations. */
export function diagnosticAnnotations(diagnostics: readonly Diagnostic[], limit = 10): string {
  return diagnostics
    .slice(0, limit)
    .map((d) => `${command(fromDiagnostic(d))}\n`)
    .join('');
}

/** One workflow command per line, newline-terminated; '' when there is nothing to annotate. */
export function toGithubAnnotations(findings: Findings, limits: AnnotationLimits = { error: 10, warning: 10 }): string {
  const all = [
    ...findings.diagnostics.map(fromDiagnostic),
    ...failed(findings).map((o) => fromOutcome(o, findings.command)),
  ];
  const used = { error: 0, warning: 0 };
  const lines: string[] = [];
  for (const a of all) {
    if (used[a.level] >= limits[a.level]) continue;
    used[a.level]++;
    lines.push(command(a));
  }
  const hidden = all.length - lines.length;
  if (hidden > 0) {
    const noun = hidden === 1 ? 'finding' : 'findings';
    lines.push(`::notice title=soc2-ready::${hidden} more ${noun} not shown as annotations; see the job summary.`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Table cells follow the one Markdown policy; line breaks stay visible as <br>. */
export function escapeCell(value: string): string {
  return markdownCell(value, { breaks: '<br>' });
}

function row(cells: string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function verdict(findings: Findings): string {
  const count = (status: CriterionOutcome['status']) => findings.outcomes.filter((o) => o.status === status).length;
  const errors = findings.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = findings.diagnostics.length - errors;
  const ok = count('failed') === 0 && errors === 0;
  if (findings.command === 'verify')
    return `**${ok ? 'Passed' : 'Failed'}:** ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in the evidence and answers.`;
  const failedWord = findings.command === 'check' ? 'unmapped' : 'not ready';
  const criteria = `${plural(count('failed'), 'criterion', 'criteria')} ${failedWord}, ${count('passed')} passed, ${count('skipped')} skipped`;
  const problems = `${plural(errors, 'error')} and ${plural(warnings, 'warning')} in the control files`;
  return `**${ok ? 'Passed' : 'Failed'}:** ${criteria}; ${problems}.`;
}

function outcomeTable(findings: Findings): string[] {
  const rows = failed(findings).map((o) =>
    row([
      `${o.id} ${o.title}`,
      o.categoryName,
      failureLabel(findings.command),
      joinText('\n', o.reason, o.remediation),
    ]),
  );
  return ['| Criterion | Category | Status | Reason |', '| --- | --- | --- | --- |', ...rows];
}

function diagnosticTable(diagnostics: readonly Diagnostic[]): string[] {
  const rows = diagnostics.map((d) =>
    row([formatLocation(d) || '-', d.severity, d.code, joinText(' ', d.message, d.hint)]),
  );
  return ['| Location | Severity | Code | Message |', '| --- | --- | --- | --- |', ...rows];
}

/** GitHub drops a step summary over 1 MiB; the rows stop well before that, with a count of the rest. */
export const STEP_SUMMARY_BUDGET = 900 * 1024;

/** A Markdown section for $GITHUB_STEP_SUMMARY; tables appear only when they have rows. */
export function toStepSummary(findings: Findings, budget = STEP_SUMMARY_BUDGET): string {
  const blocks = [[`## ${findings.tool.name} ${findings.command}`], [verdict(findings)]];
  if (failed(findings).length > 0) blocks.push(outcomeTable(findings));
  if (findings.diagnostics.length > 0) blocks.push(diagnosticTable(findings.diagnostics));
  return `${withinBudget(blocks, budget)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

/** Keeps whole rows until `budget` bytes are used, then says how many rows were left out. */
function withinBudget(blocks: string[][], budget: number): string[][] {
  let used = 0;
  let dropped = 0;
  const kept = blocks.map((lines) =>
    lines.filter((line) => {
      used += Buffer.byteLength(line) + 1;
      if (used <= budget) return true;
      dropped++;
      return false;
    }),
  );
  if (dropped > 0)
    kept.push([
      `${plural(dropped, 'more row')} not shown: the job summary is limited to 1 MiB. See the log or the report files.`,
    ]);
  return kept;
}
