/** `check`: checks a control inventory and writes each requested format; 1 on any error-level finding. */
import { checkFindings, type CheckInput } from '../../formats/registry.js';
import { checkProject } from '../../project/check.js';
import { readBuiltinCatalog } from '../../project/load.js';
import { clock } from '../clock.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import { checkOutputFormats } from '../formats.js';
import { annotateGithub, inGithubActions } from '../github-actions.js';
import type { Io } from '../io.js';
import { checkOutputTargets, flagsOf, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import { toolInfo } from '../version.js';

export interface CheckOptions {
  controls?: string;
  scope?: string;
  config?: string;
  format: string[];
  output: string[];
  /** The same flags in command-line order (see trackOutputs). */
  outputs?: OutputFlag[];
  color?: boolean;
}

export async function runCheck(options: CheckOptions, io: Io): Promise<ExitCode> {
  const outputs = resolveOutputs(options.outputs ?? flagsOf(options), checkOutputFormats, 'text', io.cwd);
  const catalog = readBuiltinCatalog();
  const { result, location, inputs } = checkProject(catalog, options, io.cwd);
  checkOutputTargets(outputs, io, inputs);
  const input: CheckInput = {
    result,
    catalog,
    tool: await toolInfo(),
    generatedAt: clock(io.env)(),
    location,
  };
  for (const output of outputs) {
    const level = output.path ? 0 : colorLevel(io.stdout, io.env, options.color);
    const document = await checkOutputFormats[output.format]!.render({ ...input, colorLevel: level });
    writeOutput(output.path, document, io, { inputs, workflowCommands: output.format === 'github' });
  }
  if (inGithubActions(io.env))
    await annotateGithub(
      await checkFindings(input),
      io,
      outputs.some((o) => o.format === 'github'),
    );
  return result.ok ? ExitCode.ok : ExitCode.findings;
}
