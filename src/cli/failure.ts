import { ContentError, InterruptedError, UsageError } from '../errors.js';
import { formatDiagnostic } from '../diagnostics.js';
import type { Io } from './main.js';

/** Turns a thrown error into one clear line on stderr and an exit code; stack traces only for bugs. */
export function reportFailure(cause: unknown, io: Io): number {
  if (cause instanceof UsageError) {
    io.stderr.write(`soc2-ready: ${cause.message}\n`);
    if (cause.hint) io.stderr.write(`  ${cause.hint}\n`);
    return 2;
  }
  if (cause instanceof ContentError) {
    for (const d of cause.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
    io.stderr.write(`soc2-ready: ${cause.message}\n`);
    return 1;
  }
  if (cause instanceof InterruptedError) {
    io.stderr.write(`\nStopped. ${cause.resumeHint}\n`);
    return 130;
  }
  const err = cause instanceof Error ? cause : new Error(String(cause));
  io.stderr.write(`soc2-ready: internal error: ${err.message}\n`);
  io.stderr.write(
    io.env.SOC2_READY_DEBUG ? `${err.stack}\n` : '  This is a bug. Set SOC2_READY_DEBUG=1 for details and report it.\n',
  );
  return 2;
}
