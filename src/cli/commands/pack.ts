/** `pack`: the auditor hand-off as one deterministic zip; `pack --verify` checks one against its manifest. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { loadWorkspace } from '../../project/workspace.js';
import { displayPath } from '../../runtime/paths.js';
import { writeFileAtomic } from '../../runtime/fs-atomic.js';
import { clock } from '../clock.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export interface PackOptions {
  answers?: string;
  controls?: string;
  config?: string;
  output?: string;
  verify?: string;
}

export async function runPack(options: PackOptions, io: Io): Promise<ExitCode> {
  if (options.verify !== undefined) {
    if (options.output !== undefined) throw new UsageError('Give either -o <zip> (build) or --verify <zip>, not both.');
    return verifyPack(resolve(io.cwd, options.verify), io);
  }
  if (options.output === undefined)
    throw new UsageError(
      'pack needs -o <file.zip> (or --verify <file.zip>).',
      'Example: soc2-ready pack -o acme-audit.zip',
    );
  const now = clock(io.env)();
  const ws = loadWorkspace({ ...options, cwd: io.cwd, now, mustExist: true });
  const [{ packFiles }, { zipFiles }] = await Promise.all([import('../pack-build.js'), import('../../pack/zip.js')]);
  const files = await packFiles(ws, now, io.cwd);
  const path = resolve(io.cwd, options.output);
  writeFileAtomic(path, await zipFiles(files, now));
  const manifest = JSON.parse(new TextDecoder().decode(files[0]!.bytes)) as import('../../pack/manifest.js').Manifest;
  const notFound = manifest.evidence.filter((e) => e.status === 'not-found').length;
  const changed = manifest.evidence.filter((e) => e.status === 'changed').length;
  io.stderr.write(
    `Wrote ${displayPath(path, io.cwd)}: ${files.length} files, every one listed with its SHA-256 in manifest.json.\n`,
  );
  if (notFound + changed > 0)
    io.stderr.write(
      `soc2-ready: ${notFound} evidence file(s) not found and ${changed} changed since recorded; run \`soc2-ready verify\` for details.\n`,
    );
  return ExitCode.ok;
}

async function verifyPack(path: string, io: Io): Promise<ExitCode> {
  const shown = displayPath(path, io.cwd);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`Cannot read "${shown}".`, 'Give the path of a zip written by `soc2-ready pack -o`.');
  }
  const [{ readZip }, { verifyPackEntries }] = await Promise.all([
    import('../../pack/zip.js'),
    import('../../pack/verify.js'),
  ]);
  let entries;
  try {
    entries = await readZip(bytes);
  } catch {
    throw new UsageError(`"${shown}" is not a readable zip archive.`);
  }
  const check = verifyPackEntries(entries);
  for (const p of check.problems) io.stdout.write(`${shown}: ${p.kind}  ${p.path}  ${p.detail}\n`);
  if (check.problems.length > 0) {
    io.stdout.write(`✖ ${shown}: ${check.problems.length} problem(s); the archive is not what its manifest lists.\n`);
    return ExitCode.findings;
  }
  const m = check.manifest!;
  io.stdout.write(
    `✔ ${shown}: all ${check.checked} files match manifest.json (${m.tool.name} ${m.tool.version}, ${m.generatedAt}).\n`,
  );
  return ExitCode.ok;
}
