/**
 * The command-line entry. Only commander is imported here: every command loads what it needs
 * with `await import()` inside its action, so `--help` starts in a blink.
 */
import { Command, CommanderError } from '@commander-js/extra-typings';
import { registerCommands } from './commands.js';
import { version } from './version.js';
import { ExitCode } from './exit-code.js';
import { processIo, type Io } from './io.js';

/** Runs the CLI and returns the exit code; never calls process.exit. */
export async function main(argv: string[], io: Io = processIo()): Promise<ExitCode> {
  let exitCode: ExitCode = ExitCode.ok;
  const program = new Command()
    .name('soc2-ready')
    .description(
      'SOC 2 readiness from the terminal: map controls to the AICPA 2017 Trust Services Criteria, answer a questionnaire, and get a scored gap report. A self-assessment, not an attestation.',
    )
    .version(await version(), '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ soc2-ready assess                                  # the questionnaire, saved after every answer',
        '  $ soc2-ready report --format html -o readiness.html  # the readiness report',
        '  $ soc2-ready check --controls compliance/controls    # CI gate: every in-scope criterion mapped',
        '',
        'Exit codes: 0 ok · 1 findings (unmapped or unknown criteria, invalid files, --fail-under) · 2 usage or environment error · 130 interrupted',
        '',
        'Environment: NO_COLOR / FORCE_COLOR (colour) · SOURCE_DATE_EPOCH (reproducible report dates) ·',
        '  SOC2_READY_CACHE=off (no parse cache in ~/.cache/soc2-ready; it is always off when CI is set)',
        '',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (cause) {
    if (cause instanceof CommanderError) return commanderExit(cause);
    // Loaded only on failure: it pulls in the error types, diagnostics and GitHub annotations.
    const { reportFailure } = await import('./failure.js');
    return reportFailure(cause, io);
  }
}

/** commander exits 1 on usage mistakes; this tool reserves 1 for findings, so they become 2. */
function commanderExit(e: CommanderError): ExitCode {
  const benign = ['commander.helpDisplayed', 'commander.version'];
  if (benign.includes(e.code)) return ExitCode.ok;
  // `soc2-ready help` exits 0; `soc2-ready` alone prints help on stderr: a usage mistake (2).
  if (e.code === 'commander.help' && e.exitCode === 0) return ExitCode.ok;
  return ExitCode.usage;
}
