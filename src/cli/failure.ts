import { ContentError, InterruptedError, UsageError } from '../errors.js';
import { formatDiagnostic } from '../diagnostics.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './io.js';

/** Turns a thrown error into one clear line on stderr and an exit code; stack traces only for bugs. */
export function reportFailure(cause: unknown, io: Io): ExitCode {
  if (cause instanceof UsageError) {
    io.stderr.write(`soc2-ready: ${cause.message}\n`);
    if (cause.hint) io.stderr.write(`  ${cause.hint}\n`);
    return ExitCode.usage;
  }
  if (cause instanceof ContentError) {
    for (const d of cause.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`soc2-ready: ${cause.message}\n`);
    return ExitCode.findings;
  }
  if (cause instanceof InterruptedError) {
    io.stderr.write(`\nStopped. ${cause.resumeHint}\n`);
    return ExitCode.interrupted;
  }
  const err = cause instanceof Error ? cause : new Error(String(cause));
  io.stderr.write(`soc2-ready: internal error: ${err.message}\n`);
  io.stderr.write(
    io.env.SOC2_READY_DEBUG ? `${err.stack}\n` : '  This is a bug. Set SOC2_READY_DEBUG=1 for details and report it.\n',
  );
  return ExitCode.usage;
}
