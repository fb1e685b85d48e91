/**
 * Every output path of the real CLI against the review's write attacks (H1, H3, M13, M14, L18-L20):
 * full disks, FIFOs, device nodes, symlinks, inputs, folders, missing folders, long names.
 * Device nodes are made with mknod in a temp folder: the machine's own /dev is never touched.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, repoRoot, runCli } from '../helpers/run-cli.js';

let root: string;
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'soc2-out-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder holding a copy of the early-stage example's answers file. */
function project(): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir);
  cpSync(join(repoRoot, 'examples', 'early-stage-saas', 'answers.yaml'), join(dir, 'answers.yaml'));
  return dir;
}

const report = (dir: string, ...args: string[]) =>
  runCli(['report', '--answers', 'answers.yaml', ...args], { cwd: dir });

/** stderr's two lines: the message and the hint. */
const failure = (message: string, hint: string) => `soc2-ready: ${message}\n  ${hint}\n`;

describe('-o never replaces what is not a regular file', () => {
  test('a FIFO is refused with exit 2 and stays a FIFO', () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    const r = report(dir, '--format', 'md', '-o', 'fifo.md');
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      failure(
        'Cannot write fifo.md: it is a named pipe (FIFO), not a regular file; nothing was changed.',
        'Name a regular file (leave out -o, or use -o -, to print to stdout).',
      ),
    ]);
    expect(lstatSync(join(dir, 'fifo.md')).isFIFO()).toBe(true);
  });

  test('device nodes like null and full (made in a temp folder) are refused and kept, also through a symlink', () => {
    const dir = project();
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    execFileSync('mknod', [join(dir, 'full'), 'c', '1', '7']);
    symlinkSync('full', join(dir, 'stdout'));
    for (const target of ['null', 'full', 'stdout']) {
      const r = report(dir, '--format', 'json', '-o', target);
      expect([r.status, r.stderr.split('\n')[0]]).toEqual([
        2,
        `soc2-ready: Cannot write ${target}: it is a device, not a regular file; nothing was changed.`,
      ]);
    }
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'stdout')).isSymbolicLink()).toBe(true);
  });

  test('a symlinked output is written through: the link stays, its target gets the report', () => {
    const dir = project();
    symlinkSync('elsewhere.md', join(dir, 'link.md'));
    const r = report(dir, '--format', 'md', '-o', 'link.md');
    expect([r.status, r.stderr]).toEqual([0, 'Wrote md report to link.md\n']);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'elsewhere.md'), 'utf8')).toMatch(/^# SOC 2 readiness assessment: /);
  });

  test('an output onto the answers file (or a diff side) is refused; the input is intact', () => {
    const dir = project();
    const before = readFileSync(join(dir, 'answers.yaml'), 'utf8');
    const r = report(dir, '--format', 'md', '-o', 'answers.yaml');
    expect([r.status, r.stderr]).toEqual([
      2,
      failure(
        'Not writing answers.yaml: it is an input of this command and would be destroyed.',
        'Write the output to another file.',
      ),
    ]);
    const d = runCli(['diff', 'answers.yaml', 'answers.yaml', '--format', 'md', '-o', 'answers.yaml'], { cwd: dir });
    expect([d.status, d.stderr.split('\n')[0]]).toEqual([
      2,
      'soc2-ready: Not writing answers.yaml: it is an input of this command and would be destroyed.',
    ]);
    expect(readFileSync(join(dir, 'answers.yaml'), 'utf8')).toBe(before);
  });

  test('a folder, a missing folder and a path through a file are exit 2 with the user path, never "a bug"', () => {
    const dir = project();
    mkdirSync(join(dir, 'outdir'));
    writeFileSync(join(dir, 'afile'), '');
    const cases: [string, string][] = [
      ['outdir', 'Cannot write outdir: it is a folder, not a regular file; nothing was changed.'],
      ['nonexistent-dir/r.md', 'Cannot write nonexistent-dir/r.md: the folder nonexistent-dir does not exist.'],
      ['afile/r.md', 'Cannot write afile/r.md: the folder afile does not exist.'],
    ];
    for (const [target, message] of cases) {
      const r = report(dir, '--format', 'md', '-o', target);
      expect([r.status, r.stderr.split('\n')[0]]).toEqual([2, `soc2-ready: ${message}`]);
      expect(r.stderr).not.toContain('This is a bug');
    }
  });

  test('a 240-character file name works (the temp file name is short)', () => {
    const dir = project();
    const name = `${'r'.repeat(240)}.md`;
    const r = report(dir, '-o', name);
    expect([r.status, r.stderr]).toEqual([0, `Wrote md report to ${name}\n`]);
    expect(readdirSync(dir).sort()).toEqual(['answers.yaml', name]);
  });

  test('a read-only folder (as the user nobody) is exit 2 naming the report, before rendering', () => {
    const dir = project();
    mkdirSync(join(dir, 'ro'), { mode: 0o555 });
    execFileSync('chmod', ['755', root, dir]);
    const r = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        binPath,
        'report',
        '--answers',
        'answers.yaml',
        '-o',
        'ro/r.md',
      ],
      { cwd: dir, env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' }, encoding: 'utf8' },
    );
    expect([r.status, r.stderr]).toEqual([
      2,
      failure(
        'Permission denied while writing ro/r.md; nothing was changed.',
        'Check the permissions of the file and its folder.',
      ),
    ]);
  });
});

/** Runs `work` with `dir` on a 64 KB tmpfs holding `free` bytes; falls back to an 8 KB file-size limit. */
function withSmallDisk(dir: string, free: number, run: (prefix: string[]) => void): void {
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  try {
    if (mounted) {
      const avail = Number(execFileSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).split('\n')[1]);
      writeFileSync(join(dir, 'filler'), Buffer.alloc(Math.max(0, avail - free)));
      run([]);
    } else {
      // No mount allowed: the kernel cuts every file at `free` bytes (a short write, then EFBIG), the
      // same partial write a full disk gives, and Node ignores SIGXFSZ.
      run(['prlimit', `--fsize=${free}`]);
    }
  } finally {
    if (mounted) execFileSync('umount', [dir]);
  }
}

describe('a nearly full disk never leaves a truncated file (H1)', () => {
  test('report -o: exit 2 with the path and the fix, no partial report, no temp file', () => {
    const dir = join(root, 'disk1');
    mkdirSync(dir);
    withSmallDisk(dir, 8192, (prefix) => {
      const command = [
        ...prefix,
        process.execPath,
        binPath,
        'report',
        '--answers',
        join(repoRoot, 'examples', 'early-stage-saas', 'answers.yaml'),
        '--format',
        'json',
        '-o',
        'r.json',
      ];
      const r = spawnSync(command[0]!, command.slice(1), {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.stderr).toMatch(
        /^soc2-ready: (No space left on device|File too large for the file system) while writing r\.json; nothing was changed\.\n {2}\S/,
      );
      expect(r.status).toBe(2);
      expect(existsSync(join(dir, 'r.json'))).toBe(false);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
});

describe('init (L19, L20, M14)', () => {
  test('a target that is a file is exit 2 naming the folder', () => {
    const dir = project();
    writeFileSync(join(dir, 'afile'), '');
    const r = runCli(['init', 'afile'], { cwd: dir });
    expect([r.status, r.stderr]).toEqual([
      2,
      failure('A part of the path is not a folder while creating afile/controls.', 'Check the path.'),
    ]);
  });

  test('a (dangling) symlink among the files is never written through, with or without --force', () => {
    const dir = project();
    mkdirSync(join(dir, 'd', 'controls'), { recursive: true });
    symlinkSync(join(dir, 'victim.yaml'), join(dir, 'd', 'controls', 'access.yaml'));
    for (const args of [
      ['init', 'd'],
      ['init', 'd', '--force'],
    ]) {
      const r = runCli(args, { cwd: dir });
      expect([r.status, r.stderr]).toEqual([
        2,
        failure(
          'Not writing through symbolic links: d/controls/access.yaml.',
          'init writes real files only; remove the links or choose another folder.',
        ),
      ]);
    }
    expect(existsSync(join(dir, 'victim.yaml'))).toBe(false);
  });

  test('a full disk leaves nothing half-written: the files made are removed, so a rerun starts clean', () => {
    const dir = join(root, 'disk2');
    mkdirSync(dir);
    withSmallDisk(dir, 16 * 1024, (prefix) => {
      const command = [...prefix, process.execPath, binPath, 'init', 'lib'];
      const r = spawnSync(command[0]!, command.slice(1), { cwd: dir, encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /^soc2-ready: (No space left on device|File too large for the file system) while writing lib\/controls\/\S+\.yaml; nothing was changed\.\n/,
      );
      expect(existsSync(join(dir, 'lib'))).toBe(false);
    });
  });
});
