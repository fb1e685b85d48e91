/** Registers every command: flags, help text and examples only. Each action lazy-loads its module. */
import { Command, Option } from '@commander-js/extra-typings';
import { checkOutputFormats, diffOutputFormats, formatHelp, reportOutputFormats } from './formats.js';
import type { Io } from './io.js';
import { collect, examples, trackOutputs, type SetExit } from './command-kit.js';
import { registerEvidence, registerPack, registerVerify } from './commands-audit.js';

export function registerCommands(program: Command, io: Io, setExit: SetExit): void {
  registerAssess(program, io, setExit);
  registerCheck(program, io, setExit);
  registerReport(program, io, setExit);
  registerVerify(program, io, setExit);
  registerPack(program, io, setExit);
  registerDiff(program, io, setExit);
  registerEvidence(program, io, setExit);
  registerInit(program, io, setExit);
  registerCriteria(program, io, setExit);
}

function registerAssess(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('assess')
    .description('Answer the readiness questionnaire in the terminal. Saves after every answer; run again to resume.')
    .option(
      '-a, --answers <file>',
      'answers file to create or continue (default: `answers:` in soc2-ready.yaml, else soc2-answers.yaml)',
    )
    .option('-c, --controls <dir>', 'ask about these control files instead of the built-in library')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .option('--review', 'walk every answered question again, showing the current answer as default')
    .option('--rescope', 'ask the scoping questions again and change the categories in scope')
    .option('--category <id>', 'only the controls of one category')
    .option('--control <id>', 'only one control')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      examples([
        'soc2-ready assess',
        'soc2-ready assess --answers clients/acme/answers.yaml',
        'soc2-ready assess --review --category availability',
        'soc2-ready assess --controls compliance/controls',
      ]) + '\nNeeds a terminal. Ctrl-C stops safely (exit 130): every answer given is already saved.\n',
    )
    .action(async (options) => {
      const { runAssess } = await import('./commands/assess.js');
      setExit(await runAssess(options, io));
    });
}

function registerCheck(program: Command, io: Io, setExit: SetExit): void {
  const check = program
    .command('check')
    .description('Check a control inventory: every in-scope criterion mapped, every cited id real. Exit 1 on findings.')
    .option(
      '-c, --controls <dir>',
      'folder of control files (default: `controls:` in soc2-ready.yaml, else the built-in library)',
    )
    .option('-s, --scope <list>', 'optional categories in scope, comma-separated, or "all" (security is always in)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .option('-f, --format <format>', formatHelp(checkOutputFormats, { text: 'default' }), collect, [] as string[])
    .option(
      '-o, --output <file>',
      'write to a file (atomically) instead of stdout; the format follows the extension unless --format is given',
      collect,
      [] as string[],
    )
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      examples([
        'soc2-ready check',
        'soc2-ready check --controls compliance/controls --scope availability,confidentiality',
        'soc2-ready check --scope all --format json > coverage.json',
        'soc2-ready check --format junit -o soc2-check.xml --format sarif -o soc2-check.sarif',
      ]) + '\nInside GitHub Actions (GITHUB_ACTIONS=true) it also writes annotations and the job summary.\n',
    )
    .action(async (options) => {
      const { runCheck } = await import('./commands/check.js');
      setExit(await runCheck({ ...options, outputs: checkOutputs }, io));
    });
  const checkOutputs = trackOutputs(check as unknown as Command);
}

function registerReport(program: Command, io: Io, setExit: SetExit): void {
  const report = program
    .command('report')
    .description(
      `Score an answers file and render the readiness report (${Object.keys(reportOutputFormats).join(', ')}).`,
    )
    .option(
      '-a, --answers <file>',
      'answers file written by `assess` (default: `answers:` in soc2-ready.yaml, else soc2-answers.yaml)',
    )
    .option(
      '-f, --format <format>',
      formatHelp(reportOutputFormats, { text: 'default on a terminal', md: 'default in a pipe' }),
      collect,
      [] as string[],
    )
    .option(
      '-o, --output <file>',
      'write to a file (atomically) instead of stdout; the format follows the extension unless --format is given',
      collect,
      [] as string[],
    )
    .option(
      '--template-dir <dir>',
      'override report templates or partials (report.md.hbs, report.html.hbs, partials/*.hbs)',
    )
    .option('--fail-under <percent>', 'exit 1 when overall readiness is below this percentage')
    .option('-c, --controls <dir>', 'controls the answers refer to (default: as recorded in the answers file)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      examples([
        'soc2-ready report',
        'soc2-ready report --answers clients/acme/answers.yaml --format html -o acme-readiness.html',
        'soc2-ready report -o report.md -o report.html -o report.json',
        'soc2-ready report --fail-under 80 --format junit -o readiness.xml',
        'soc2-ready report --template-dir branding/ --format html -o client.html',
        'soc2-ready report --format oscal -o assessment-results.json',
      ]) + '\nSOURCE_DATE_EPOCH pins the report date, for reproducible output.\n',
    )
    .action(async (options) => {
      const { runReport } = await import('./commands/report.js');
      setExit(await runReport({ ...options, outputs: reportOutputs }, io));
    });
  const reportOutputs = trackOutputs(report as unknown as Command);
}

function registerDiff(program: Command, io: Io, setExit: SetExit): void {
  const diff = program
    .command('diff')
    .argument(
      '<before>',
      "answers file (YAML) or `report --format json` output to compare from, e.g. the base branch's",
    )
    .argument('<after>', 'answers file or report JSON to compare with it')
    .description(
      'Compare readiness between two answers files or report JSON outputs: regressions, new and closed gaps, new "Not sure".',
    )
    .option('-f, --format <format>', formatHelp(diffOutputFormats, { md: 'default' }), collect, [] as string[])
    .option(
      '-o, --output <file>',
      'write to a file (atomically) instead of stdout; the format follows the extension unless --format is given',
      collect,
      [] as string[],
    )
    .option('--fail-on-regression', 'exit 1 when an in-scope criterion regressed or overall readiness fell')
    .option('-c, --controls <dir>', 'controls both answers files refer to (default: as recorded in each answers file)')
    .option('--config <file>', 'config file (default: ./soc2-ready.yaml if present)')
    .addHelpText(
      'after',
      examples([
        'soc2-ready diff old-answers.yaml soc2-answers.yaml',
        'git show origin/main:soc2-answers.yaml > /tmp/base.yaml && soc2-ready diff /tmp/base.yaml soc2-answers.yaml --fail-on-regression -o soc2-diff.md',
        'soc2-ready diff last-quarter.json soc2-answers.yaml --format json',
      ]) + '\nEach side is an answers file (scored like `report`) or a `report --format json` output.\n',
    )
    .action(async (before, after, options) => {
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff({ ...options, outputs: diffOutputs }, before, after, io));
    });
  const diffOutputs = trackOutputs(diff as unknown as Command);
}

function registerInit(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('init')
    .argument('[dir]', 'folder to set up (default: the current folder)')
    .description(
      'Copy the built-in control library and a commented soc2-ready.yaml into your repository, to own and edit.',
    )
    .option('--organization <name>', 'organization name for soc2-ready.yaml')
    .option('--force', 'overwrite files that already exist')
    .addHelpText('after', examples(['soc2-ready init', 'soc2-ready init compliance --organization "Acme Cloud"']))
    .action(async (dir, options) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit(dir, options, io));
    });
}

function registerCriteria(program: Command, io: Io, setExit: SetExit): void {
  program
    .command('criteria')
    .description('List the 61 Trust Services Criteria (2017, points of focus revised 2022) in AICPA order.')
    .option(
      '--category <id>',
      'only one category: security, availability, confidentiality, processing-integrity, privacy',
    )
    .option('--focus', "also print each criterion's points of focus (prompts in our own words)")
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['text', 'json'] as const).default('text' as const),
    )
    .option('--no-color', 'never colour the output')
    .addHelpText(
      'after',
      examples([
        'soc2-ready criteria',
        'soc2-ready criteria --category availability --focus',
        'soc2-ready criteria --format json',
      ]),
    )
    .action(async (options) => {
      const { runCriteria } = await import('./commands/criteria.js');
      setExit(await runCriteria(options, io));
    });
}
