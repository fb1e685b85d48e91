/**
 * `diff <before> <after>`: what changed in readiness between two answers files or two
 * `report --format json` outputs (or one of each), as Markdown for a PR comment or as JSON.
 */
import { existsSync } from 'node:fs';
import { readTextFileOrThrow } from '../../runtime/read-file.js';
import { inert } from '../../text/terminal.js';
import { reportShapeProblem } from '../report-json-shape.js';
import { extname, resolve } from 'node:path';
import { diffReports, hasRegression, type ReadinessDiff, type ReportJson } from '../../diff/compare.js';
import { UsageError } from '../../errors.js';
import { displayPath } from '../../runtime/paths.js';
import { toReportJson } from '../../report/json.js';
import { assessWorkspace, loadWorkspace, type WorkspaceOptions } from '../../project/workspace.js';
import { reportMetaOf } from '../../report/meta.js';
import { toolInfo } from '../version.js';
import { clock } from '../clock.js';
import { ExitCode } from '../exit-code.js';
import { diffOutputFormats } from '../formats.js';
import type { Io } from '../io.js';
import { checkOutputTargets, flagsOf, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';

export interface DiffOptions {
  format: string[];
  output: string[];
  /** The same flags in command-line order (see trackOutputs). */
  outputs?: OutputFlag[];
  failOnRegression?: boolean;
  controls?: string;
  config?: string;
}

export async function runDiff(options: DiffOptions, before: string, after: string, io: Io): Promise<ExitCode> {
  const outputs = resolveOutputs(options.outputs ?? flagsOf(options), diffOutputFormats, 'md', io.cwd);
  const now = clock(io.env)();
  const inputs = [resolve(io.cwd, before), resolve(io.cwd, after)];
  checkOutputTargets(outputs, io, inputs);
  const diff = diffReports(await loadSide(before, options, io, now), await loadSide(after, options, io, now));
  for (const output of outputs) {
    writeOutput(output.path, await diffOutputFormats[output.format]!.render({ diff }), io, { inputs });
    if (output.path) io.stderr.write(`Wrote ${output.format} diff to ${inert(displayPath(output.path, io.cwd))}\n`);
  }
  if (options.failOnRegression && hasRegression(diff)) {
    io.stderr.write(`soc2-ready: readiness regressed: ${regressionSummary(diff)}.\n`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

/** One side of the diff: a `report --format json` output as is, or an answers file scored like `report` does. */
export async function loadSide(file: string, options: WorkspaceOptions, io: Io, now: string): Promise<ReportJson> {
  const path = resolve(io.cwd, file);
  const shown = displayPath(path, io.cwd);
  if (!existsSync(path)) {
    throw new UsageError(
      `File "${shown}" does not exist.`,
      'Each side is an answers file (YAML) or a `soc2-ready report --format json` output.',
    );
  }
  const text = readTextFileOrThrow(path, shown, `"${shown}" is not valid.`);
  const json = extname(path).toLowerCase() === '.json';
  if (json || text.trimStart().startsWith('{')) {
    const report = parseReportJson(text, shown, json);
    if (report) return report;
  }
  return scoreAnswersFile(path, options, io.cwd, now);
}

/** Scores an answers file exactly as `report --format json` would (same workspace, same assessment). */
export async function scoreAnswersFile(
  answers: string,
  options: WorkspaceOptions,
  cwd: string,
  now: string,
): Promise<ReportJson> {
  const ws = loadWorkspace({ answers, controls: options.controls, config: options.config }, cwd, now, true);
  return toReportJson(assessWorkspace(ws), reportMetaOf(ws, now, await toolInfo()));
}

/**
 * A report JSON, or undefined when the text is not JSON and `strict` is off (a YAML flow mapping).
 * Keys are only ever added to the contract, so lists an older report lacks count as empty.
 */
function parseReportJson(text: string, shown: string, strict: boolean): ReportJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    if (!strict) return undefined;
    throw new UsageError(
      `"${shown}" is not valid JSON: ${(cause as Error).message}`,
      'Pass an answers file or the output of `soc2-ready report --format json`.',
    );
  }
  const r = value as Partial<ReportJson> | null;
  const isReport =
    typeof r === 'object' &&
    r !== null &&
    typeof r.overall === 'object' &&
    r.overall !== null &&
    Array.isArray(r.categories) &&
    Array.isArray(r.criteria) &&
    Array.isArray(r.gaps);
  if (!isReport)
    throw new UsageError(
      `"${shown}" is not a \`soc2-ready report --format json\` output.`,
      'It needs "overall", "categories", "criteria" and "gaps".',
    );
  const problem = reportShapeProblem(r as Record<string, unknown>);
  if (problem)
    throw new UsageError(
      `"${shown}" is not a valid \`soc2-ready report --format json\` output: ${problem}.`,
      'Pass the unedited output of `soc2-ready report --format json`, or an answers file.',
    );
  return {
    ...r,
    answersFile: r.answersFile ?? shown,
    generatedAt: r.generatedAt ?? '',
    organization: r.organization ?? null,
    scope: r.scope ?? r.categories!.filter((c) => c.inScope).map((c) => c.id),
    notSure: r.notSure ?? [],
    excluded: r.excluded ?? [],
  } as ReportJson;
}

function regressionSummary(diff: ReadinessDiff): string {
  const parts: string[] = [];
  if (diff.regressed.length > 0)
    parts.push(
      `${diff.regressed.length === 1 ? 'criterion' : 'criteria'} ${diff.regressed.map((c) => c.id).join(', ')}`,
    );
  const { before, after, delta } = diff.overall;
  if (delta !== null && delta < 0) parts.push(`overall ${before}% → ${after}%`);
  return parts.join('; ');
}
