/**
 * `diff <before> <after>`: what changed in readiness between two answers files or two
 * `report --format json` outputs (or one of each), as Markdown for a PR comment or as JSON.
 */
import { resolve } from 'node:path';
import { inert } from '../../text/terminal.js';
import { diffReports, hasRegression, type ReadinessDiff } from '../../diff/compare.js';
import { loadSide, type SideContext } from '../../diff/sides.js';
import { displayPath } from '../../runtime/paths.js';
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
  const { controls, config } = options;
  const context: SideContext = { cwd: io.cwd, now, tool: await toolInfo(), controls, config };
  const diff = diffReports(loadSide(before, context), loadSide(after, context));
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
