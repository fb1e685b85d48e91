/** Registers the audit hand-off commands (verify, pack, evidence): flags, help text and examples only. */
import { Command, Option } from '@commander-js/extra-typings';
import { evidenceOutputFormats, formatHelp, verifyOutputFormats } from './formats.js';
import type { Io } from './io.js';
import { collect, examples, trackOutputs, type SetExit } from './command-kit.js';

export function registerVerify(program: Command, io: Io, setExit: SetExit): void {
  const verify = program
    .command('verify')
    .description(
      'Check that the claims in an answers file are backed by evidence: recorded, fresh, present and unchanged. Exit 1 on any error.',
    )
    .option('-a, --answers <file>', 'answers file (default: `answers:` in soc2-ready.yaml, else soc2-answers.yaml)')
    .option('--as-of <date>', 'judge freshness on this date, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)')
    .addOption(
      new Option(
        '--require-evidence <which>',
        'controls answered as in place that must cite evidence: key (default), all or none',
      ).choices(['key', 'all', 'none'] as const),
    )
    .option('-f, --format <format>', formatHelp(verifyOutputFormats, { text: 'default' }), collect, [] as string[])
    .option(
      '-o, --output <file>',
      'write to a file (atomically) instead of stdout; the format follows the extension unless --format is given',
      collect,
      [] as string[],
    )
    .option('-c, --controls <dir>', 'controls the answers refer to (default: as recorded in the answers file)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      examples([
        'soc2-ready verify',
        'soc2-ready verify --answers compliance/soc2-answers.yaml --require-evidence all',
        'soc2-ready verify --as-of 2027-03-31 --format sarif -o evidence.sarif',
      ]) +
        '\nCodes: evidence-missing, evidence-stale, evidence-not-found, evidence-changed, evidence-outside-window, unknown-control, invalid-answer, stale-answer. URLs and tickets are recorded, never fetched.\n',
    )
    .action(async (options) => {
      const { runVerify } = await import('./commands/verify.js');
      setExit(await runVerify({ ...options, outputs: verifyOutputs }, io));
    });
  const verifyOutputs = trackOutputs(verify as unknown as Command);
}

export function registerPack(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('pack')
    .description(
      'Build the auditor hand-off: one deterministic zip with the reports, OSCAL results, evidence requests, the answers and the local evidence files, each listed with its SHA-256 in manifest.json.',
    )
    .option('-o, --output <file>', 'the zip to write (atomically), e.g. acme-audit.zip')
    .option(
      '--verify <file>',
      'check a pack instead: every file against manifest.json; exit 1 naming each changed, added or removed file',
    )
    .option('-a, --answers <file>', 'answers file (default: `answers:` in soc2-ready.yaml, else soc2-answers.yaml)')
    .option('-c, --controls <dir>', 'controls the answers refer to (default: as recorded in the answers file)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .addHelpText(
      'after',
      examples(['soc2-ready pack -o acme-audit.zip', 'soc2-ready pack --verify acme-audit.zip']) +
        '\nSOURCE_DATE_EPOCH pins the time inside the pack: the same inputs then give a byte-identical zip.\n',
    )
    .action(async (options) => {
      const { runPack } = await import('./commands/pack.js');
      setExit(await runPack(options, io));
    });
}

export function registerEvidence(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('evidence')
    .description(
      'List the evidence requests (PBC list) an auditor will send for the engagement: as-of items for a Type I, populations and samples for a Type II.',
    )
    .option(
      '-a, --answers <file>',
      'answers file written by `assess` (default: `answers:` in soc2-ready.yaml, else soc2-answers.yaml)',
    )
    .option(
      '-f, --format <format>',
      formatHelp(evidenceOutputFormats, { md: 'default' }).replace(/; repeat with -o for several$/, ''),
    )
    .option(
      '-o, --output <file>',
      'write to a file (atomically); the format follows the extension unless --format is given',
    )
    .option('-c, --controls <dir>', 'controls the answers refer to (default: as recorded in the answers file)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .addHelpText(
      'after',
      examples([
        'soc2-ready evidence',
        'soc2-ready evidence -o pbc.xlsx',
        'soc2-ready evidence --format csv -o pbc.csv',
        'soc2-ready evidence --answers clients/acme/answers.yaml --format json',
      ]) +
        '\nRequest ids (PBC-<control>-<item>-<D|P|S>) are stable across runs, so lists diff cleanly.\nWithout `engagement:` in soc2-ready.yaml the list is a Type I as of today. SOURCE_DATE_EPOCH pins the date.\n',
    )
    .action(async (options) => {
      const { runEvidence } = await import('./commands/evidence.js');
      setExit(await runEvidence(options, io));
    });
}
