/** `verify`: the claim checker for CI. Evidence behind every in-place answer, fresh and unchanged. */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../../diagnostics.js';
import { dateOf, isDate } from '../../engagement/dates.js';
import { ContentError, UsageError } from '../../errors.js';
import type { VerifySummary } from '../../evidence/verify-json.js';
import { REQUIRE_EVIDENCE, type RequireEvidence } from '../../evidence/verify.js';
import { verifyFindings, type VerifyInput } from '../../formats/registry.js';
import { loadWorkspace } from '../../project/workspace.js';
import { clock } from '../clock.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import { verifyOutputFormats } from '../formats.js';
import { annotateGithub, inGithubActions } from '../github-actions.js';
import type { Io } from '../io.js';
import { flagsOf, resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import { toolInfo } from '../version.js';

export interface VerifyOptions {
  answers?: string;
  controls?: string;
  config?: string;
  asOf?: string;
  requireEvidence?: string;
  format: string[];
  output: string[];
  /** The same flags in command-line order (see trackOutputs). */
  outputs?: OutputFlag[];
  color?: boolean;
}

export async function runVerify(options: VerifyOptions, io: Io): Promise<ExitCode> {
  const outputs = resolveOutputs(options.outputs ?? flagsOf(options), verifyOutputFormats, 'text', io.cwd);
  const require = parseRequire(options.requireEvidence);
  const now = clock(io.env)();
  const asOf = parseAsOf(options.asOf) ?? dateOf(now);
  const summary: VerifySummary = { asOf, require, controls: 0, references: { file: 0, url: 0, ticket: 0 } };
  let diagnostics: Diagnostic[];
  try {
    const ws = loadWorkspace({ ...options, cwd: io.cwd, now, mustExist: true });
    const { verifyWorkspace } = await import('../verify-workspace.js');
    diagnostics = await verifyWorkspace(ws, summary);
  } catch (cause) {
    // An invalid answers file or control file is a finding like any other, in the formats asked for.
    if (!(cause instanceof ContentError)) throw cause;
    diagnostics = cause.diagnostics;
  }
  const input: VerifyInput = {
    diagnostics: sortDiagnostics(diagnostics),
    summary,
    tool: await toolInfo(),
    generatedAt: now,
  };
  for (const output of outputs) {
    const level = output.path ? 0 : colorLevel(io.stdout, io.env, options.color);
    writeOutput(output.path, await verifyOutputFormats[output.format]!.render({ ...input, colorLevel: level }), io);
  }
  if (inGithubActions(io.env))
    await annotateGithub(
      await verifyFindings(input),
      io,
      outputs.some((o) => o.format === 'github'),
    );
  return hasErrors(input.diagnostics) ? ExitCode.findings : ExitCode.ok;
}

function parseRequire(value: string | undefined): RequireEvidence {
  if (value === undefined) return 'key';
  if ((REQUIRE_EVIDENCE as readonly string[]).includes(value)) return value as RequireEvidence;
  throw new UsageError(
    `--require-evidence must be key, all or none (got "${value}").`,
    'key: key controls answered as in place need evidence (default); all: every such control; none: no control.',
  );
}

function parseAsOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isDate(value)) throw new UsageError(`--as-of must be a calendar date written YYYY-MM-DD (got "${value}").`);
  return value;
}
