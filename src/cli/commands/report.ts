/** `report`: scores an answers file and renders it in every format asked for (see src/cli/formats.ts). */
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { reportFindings, type ReportInput } from '../../formats/registry.js';
import { assessWorkspace, loadWorkspace } from '../../project/workspace.js';
import { displayPath } from '../../runtime/paths.js';
import { percent } from '../../scoring.js';
import { clock } from '../clock.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import { reportOutputFormats } from '../formats.js';
import { annotateGithub, inGithubActions } from '../github-actions.js';
import type { Io } from '../io.js';
import { checkOutputTargets, flagsOf, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import { inert } from '../../text/terminal.js';
import { reportMetaOf } from '../../report/meta.js';
import { toolInfo } from '../version.js';
import { auditReadiness } from '../../engagement/audit.js';

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
  const fallback = io.stdout.isTTY ? 'text' : 'md';
  const outputs = resolveOutputs(options.outputs ?? flagsOf(options), reportOutputFormats, fallback, io.cwd);
  const now = clock(io.env)();
  const ws = loadWorkspace({ ...options, cwd: io.cwd, now, mustExist: true });
  checkOutputTargets(outputs, io, ws.inputs);
  for (const note of ws.notes) io.stderr.write(`${inert(note)}\n`);
  const assessment = assessWorkspace(ws);
  io.stderr.write((await import('../key-warnings.js')).keyNotApplicableWarnings(assessment, ws.answersDisplay));
  const input: ReportInput = {
    assessment,
    catalog: ws.catalog,
    meta: {
      ...reportMetaOf(ws, now, await toolInfo()),
      audit: auditReadiness(assessment, ws.config.engagement, ws.doc.operations, now),
    },
    doc: ws.doc,
    templateDir: options.templateDir === undefined ? undefined : resolve(io.cwd, options.templateDir),
    cwd: io.cwd,
    location: { file: ws.answersDisplay },
  };
  for (const output of outputs) {
    const level = output.path ? 0 : colorLevel(io.stdout, io.env, options.color);
    const document = await reportOutputFormats[output.format]!.render({ ...input, colorLevel: level });
    writeOutput(output.path, document, io, { inputs: ws.inputs, workflowCommands: output.format === 'github' });
    if (output.path) io.stderr.write(`Wrote ${output.format} report to ${inert(displayPath(output.path, io.cwd))}\n`);
  }
  if (inGithubActions(io.env))
    await annotateGithub(
      await reportFindings(input),
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
