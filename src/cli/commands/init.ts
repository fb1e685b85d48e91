/** `init [dir]`: copies the built-in control library and a commented soc2-ready.yaml into a repository. */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { builtinControlsDir, displayPath, schemaDir } from '../../runtime/paths.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export interface InitOptions {
  force?: boolean;
  organization?: string;
}

const SCHEMA_LINE = /^# yaml-language-server: \$schema=.*$/m;

export async function runInit(dir: string | undefined, options: InitOptions, io: Io): Promise<ExitCode> {
  const target = resolve(io.cwd, dir ?? '.');
  const controlFiles = readdirSync(builtinControlsDir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const schemaFiles = readdirSync(schemaDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const plan = [
    ...controlFiles.map((f) => ({
      from: join(builtinControlsDir, f),
      to: join(target, 'controls', f),
      schema: './.schema/controls.schema.json',
    })),
    ...schemaFiles.map((f) => ({
      from: join(schemaDir, f),
      to: join(target, 'controls', '.schema', f),
      schema: undefined,
    })),
  ];
  const configPath = join(target, 'soc2-ready.yaml');
  const existing = [...plan.map((p) => p.to), configPath].filter((p) => existsSync(p));
  if (existing.length > 0 && !options.force) {
    const shown = existing.slice(0, 5).map((p) => displayPath(p, io.cwd));
    const more = existing.length > 5 ? ` and ${existing.length - 5} more` : '';
    throw new UsageError(
      `Not overwriting existing files: ${shown.join(', ')}${more}.`,
      'Pass --force to replace them, or choose another folder.',
    );
  }
  for (const file of plan) {
    mkdirSync(join(file.to, '..'), { recursive: true });
    if (file.schema === undefined) copyFileSync(file.from, file.to);
    else
      writeFileSync(
        file.to,
        readFileSync(file.from, 'utf8').replace(SCHEMA_LINE, `# yaml-language-server: $schema=${file.schema}`),
      );
  }
  writeFileSync(configPath, configTemplate(options.organization));
  const rel = relative(io.cwd, target) || '.';
  io.stdout.write(
    `Created ${displayPath(configPath, io.cwd)} and ${controlFiles.length} control files under ${displayPath(join(target, 'controls'), io.cwd)}/.\n` +
      `Next:\n  edit the controls to match how your company works (they are yours now)\n` +
      `  soc2-ready check${rel === '.' ? '' : ` --config ${displayPath(configPath, io.cwd)}`}    # every in-scope criterion mapped?\n` +
      `  soc2-ready assess${rel === '.' ? '' : ` --config ${displayPath(configPath, io.cwd)}`}   # answer the questionnaire\n`,
  );
  return ExitCode.ok;
}

function configTemplate(organization = 'Your Company'): string {
  return `# yaml-language-server: $schema=./controls/.schema/config.schema.json
# soc2-ready settings, read from the folder you run soc2-ready in. See \`soc2-ready --help\`.

# Shown on reports.
organization: ${JSON.stringify(organization)}

# Optional Trust Services categories in scope; Security is always in scope.
# Choose from: availability, confidentiality, processing-integrity, privacy
scope: []

# Your control files (every *.yaml under this folder, relative to this file).
controls: controls

# The answers file \`soc2-ready assess\` writes and \`soc2-ready report\` reads.
answers: soc2-answers.yaml

# Providers your system relies on (subservice organisations). A carve-out leaves the provider's
# controls out of the examination, never the criterion: it stays in scope. For example:
#   - name: Amazon Web Services
#     services: [Hosting, managed database]
#     method: carve-out            # carve-out | inclusive
#     criteria: [CC6.4, A1.2]
#     csocs: [Physical access to data centres is limited to authorised staff.]
#     monitoredBy: [VND-03]        # your controls that monitor the provider
subservice: []

# Controls you expect your customers to operate (CUECs), printed in the report.
cuecs: []

# Criteria that do not apply to the system at all, each with its reason. An excluded criterion
# is reported as excluded, never as unmapped or as a gap.
exclusions: []

# Status bands in percent: ready at or above \`ready\`, partial at or above \`partial\`, else gap.
thresholds:
  ready: 80
  partial: 50
`;
}
