/** `init [dir]`: copies the built-in control library and a commented soc2-ready.yaml into a repository. */
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { writeFileAtomic } from '../../runtime/fs-atomic.js';
import { withFsErrors } from '../../runtime/fs-errors.js';
import { inert } from '../../text/terminal.js';
import { builtinControlsDir, displayPath, schemaDir } from '../../runtime/paths.js';
import type { Io } from '../io.js';
import { ExitCode } from '../exit-code.js';

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
  const files = [
    ...plan.map((p) => ({ to: p.to, text: () => libraryText(p.from, p.schema) })),
    { to: configPath, text: () => configTemplate(options.organization) },
  ];
  refuseExisting(
    files.map((f) => f.to),
    options.force === true,
    io.cwd,
  );
  writeAllOrNothing(files, io.cwd);
  const rel = relative(io.cwd, target) || '.';
  io.stdout.write(
    `Created ${displayPath(configPath, io.cwd)} and ${controlFiles.length} control files under ${displayPath(join(target, 'controls'), io.cwd)}/.\n` +
      `Next:\n  edit the controls to match how your company works (they are yours now)\n` +
      `  soc2-ready check${rel === '.' ? '' : ` --config ${displayPath(configPath, io.cwd)}`}    # every in-scope criterion mapped?\n` +
      `  soc2-ready assess${rel === '.' ? '' : ` --config ${displayPath(configPath, io.cwd)}`}   # answer the questionnaire\n`,
  );
  return ExitCode.ok;
}

/** Whether something (a file, a folder, even a dangling symlink) is at `path`. */
function occupied(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Existing files need --force; a symlink is never written through, even with --force. */
function refuseExisting(targets: string[], force: boolean, cwd: string): void {
  const shown = (paths: string[]) => {
    const names = paths.slice(0, 5).map((p) => inert(displayPath(p, cwd)));
    return `${names.join(', ')}${paths.length > 5 ? ` and ${paths.length - 5} more` : ''}`;
  };
  const links = targets.filter(isSymlink);
  if (links.length > 0)
    throw new UsageError(
      `Not writing through symbolic links: ${shown(links)}.`,
      'init writes real files only; remove the links or choose another folder.',
    );
  const existing = targets.filter(occupied);
  if (existing.length > 0 && !force)
    throw new UsageError(
      `Not overwriting existing files: ${shown(existing)}.`,
      'Pass --force to replace them, or choose another folder.',
    );
}

/**
 * Writes every file atomically; if one fails (e.g. a full disk), the files and folders this run
 * created are removed again, so a rerun starts clean instead of refusing a half library.
 */
function writeAllOrNothing(files: { to: string; text: () => string }[], cwd: string): void {
  const created: string[] = [];
  try {
    for (const file of files) {
      const folder = dirname(file.to);
      if (!occupied(folder)) {
        const first = withFsErrors('creating', inert(displayPath(folder, cwd)), () =>
          mkdirSync(folder, { recursive: true }),
        );
        if (first) created.push(first);
      }
      const isNew = !occupied(file.to);
      writeFileAtomic(file.to, file.text(), { shown: inert(displayPath(file.to, cwd)) });
      if (isNew) created.push(file.to);
    }
  } catch (cause) {
    for (const path of created.reverse()) rmSync(path, { recursive: true, force: true });
    throw cause;
  }
}

function libraryText(from: string, schema: string | undefined): string {
  const text = readFileSync(from, 'utf8');
  return schema === undefined ? text : text.replace(SCHEMA_LINE, `# yaml-language-server: $schema=${schema}`);
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
