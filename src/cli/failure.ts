import { ContentError, InterruptedError, UsageError } from '../errors.js';
import { formatDiagnostic } from '../diagnostics.js';
import { diagnosticAnnotations } from '../formats/github.js';
import { displayPath } from '../runtime/paths.js';
import { fsUsageError, isFsError } from '../runtime/fs-errors.js';
import { guardWorkflowCommands, inert } from '../text/terminal.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';

/**
 * Turns a thrown error into one clear line on stderr and an exit code; stack traces only for bugs.
 * Every message is made inert (file content cannot reach the terminal raw), and under GitHub
 * Actions no line can start a workflow command the tool did not write.
 */
export function reportFailure(cause: unknown, io: Io): ExitCode {
  const github = io.env.GITHUB_ACTIONS === 'true';
  const say = (text: string) => io.stderr.write(github ? guardWorkflowCommands(text) : text);
  // A file-system error that no caller placed (a missed path) is still the environment, not a bug.
  const failure = isFsError(cause) ? fsUsageError(cause, 'using', displayPath(cause.path ?? '', io.cwd)) : cause;
  if (failure instanceof UsageError) {
    say(`soc2-ready: ${inert(failure.message)}\n`);
    if (failure.hint) say(`  ${inert(failure.hint)}\n`);
    return ExitCode.usage;
  }
  if (failure instanceof ContentError) {
    for (const d of failure.diagnostics) say(`${formatDiagnostic(d)}\n`);
    say(`soc2-ready: ${inert(failure.message)}\n`);
    if (github) io.stderr.write(diagnosticAnnotations(failure.diagnostics));
    return ExitCode.findings;
  }
  if (failure instanceof InterruptedError) {
    say(`\nStopped. ${inert(failure.resumeHint, { keepNewlines: true })}\n`);
    return ExitCode.interrupted;
  }
  const err = failure instanceof Error ? failure : new Error(String(failure));
  say(`soc2-ready: internal error: ${inert(err.message)}\n`);
  say(
    io.env.SOC2_READY_DEBUG ? `${err.stack}\n` : '  This is a bug. Set SOC2_READY_DEBUG=1 for details and report it.\n',
  );
  return ExitCode.usage;
}
