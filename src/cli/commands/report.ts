/** `report`: scores an answers file and renders it as text, Markdown, HTML, JSON, JUnit, SARIF or GitHub. */
import { appendFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { percent } from '../../scoring.js';
import { assessWorkspace, loadWorkspace } from '../../project/workspace.js';
import { reportMetaOf } from '../report-meta.js';
import { auditReadiness } from '../../engagement/audit.js';
import { clock } from '../clock.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { flagsOf, inGithubActions, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import { REPORT_FORMATS, renderers, reportFindings, type RenderContext } from '../report-formats.js';

export interface ReportOptions {
  answers?: string;
  controls?: string;
  config?: string;
  format: string[];
  output: string[];
  /** The same flags in command-line order (see trackOutputs). */
  outputs?: OutputFlag[];
  templateDir?: string;
  failUnder?: string;
  color?: boolean;
}

export async function runReport(options: ReportOptions, io: Io): Promise<ExitCode> {
  const failUnder = parseFailUnder(options.failUnder);
  const outputs = resolveOutputs(
    options.outputs ?? flagsOf(options),
    REPORT_FORMATS,
    io.stdout.isTTY ? 'text' : 'md',
    io.cwd,
  );
  const now = clock(io.env)();
  const ws = loadWorkspace(options, io.cwd, now, true);
  const assessment = assessWorkspace(ws);
  const ctx: RenderContext = {
    assessment,
    catalog: ws.catalog,
    meta: {
      ...(await reportMetaOf(ws, now)),
      audit: auditReadiness(assessment, ws.config.engagement, ws.doc.operations, now),
    },
    doc: ws.doc,
    templateDir:
      options.templateDir === undefined ? undefined : (await import('node:path')).resolve(io.cwd, options.templateDir),
    cwd: io.cwd,
    colorLevel: colorLevel(io.stdout, io.env, options.color),
    location: { file: ws.answersDisplay },
  };
  for (const output of outputs) {
    writeOutput(
      output.path,
      await renderers[output.format]({ ...ctx, colorLevel: output.path ? 0 : ctx.colorLevel }),
      io,
    );
    if (output.path)
      io.stderr.write(
        `Wrote ${output.format} report to ${(await import('../../runtime/paths.js')).displayPath(output.path, io.cwd)}\n`,
      );
  }
  if (inGithubActions(io.env))
    await annotateGithub(
      ctx,
      io,
      outputs.some((o) => o.format === 'github'),
    );
  const overall = percent(assessment.overall.score) ?? 0;
  if (failUnder !== undefined && overall < failUnder) {
    io.stderr.write(`soc2-ready: overall readiness ${overall}% is below --fail-under ${failUnder}%.\n`);
    return ExitCode.findings;
  }
  return ExitCode.ok;
}

function parseFailUnder(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/%$/, ''));
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new UsageError(
      `--fail-under must be a percentage from 0 to 100 (got "${value}").`,
      'Example: --fail-under 80',
    );
  }
  return n;
}

/** Inside GitHub Actions: annotations on stderr (stdout carries the report) and the job summary. */
async function annotateGithub(ctx: RenderContext, io: Io, alreadyAnnotated: boolean): Promise<void> {
  const github = await import('../../formats/github.js');
  const findings = await reportFindings(ctx);
  if (!alreadyAnnotated) io.stderr.write(github.toGithubAnnotations(findings));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) appendFileSync(summaryFile, `${github.toStepSummary(findings)}\n`);
}
