/**
 * The two sides of `diff`: each a `report --format json` output, checked and taken as is, or an
 * answers file scored exactly as `report --format json` would score it.
 */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { assessWorkspace, loadWorkspace } from '../project/workspace.js';
import { toReportJson } from '../report/json.js';
import { reportMetaOf } from '../report/meta.js';
import type { ReportMeta } from '../report/view.js';
import { displayPath } from '../runtime/paths.js';
import { readTextFileOrThrow } from '../runtime/read-file.js';
import type { ReportJson } from './compare.js';
import { reportShapeProblem } from './report-shape.js';

/** Where and when the diff runs; `controls` and `config` are the command's flags (for answers files). */
export interface SideContext {
  cwd: string;
  now: string;
  tool: ReportMeta['tool'];
  controls?: string;
  config?: string;
}

/** One side of the diff: a `report --format json` output as is, or an answers file scored like `report` does. */
export function loadSide(file: string, context: SideContext): ReportJson {
  const path = resolve(context.cwd, file);
  const shown = displayPath(path, context.cwd);
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
  return scoreAnswersFile(path, context);
}

/** Scores an answers file exactly as `report --format json` would (same workspace, same assessment). */
function scoreAnswersFile(answers: string, context: SideContext): ReportJson {
  const { controls, config, cwd, now, tool } = context;
  const ws = loadWorkspace({ answers, controls, config, cwd, now, mustExist: true });
  return toReportJson(assessWorkspace(ws), reportMetaOf(ws, now, tool));
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
