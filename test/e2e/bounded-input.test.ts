/**
 * Input the review used to hang, exhaust or crash the real CLI (M10-M12, M14, L11, L12, L15, L22-L24):
 * FIFOs and endless devices (made in a temp folder, never /dev), 4 MB of nesting, symlinked and
 * unreadable control files, odd names, a template folder that is a file, and small CLI contract slips.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binPath, repoRoot, runCli } from '../helpers/run-cli.js';

let root: string;
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'soc2-in-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(dir);
  cpSync(join(repoRoot, 'examples', 'early-stage-saas', 'answers.yaml'), join(dir, 'answers.yaml'));
  return dir;
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

describe('paths that are not regular files get a located error at once (L11, M11)', () => {
  test('FIFOs as --answers, --controls and --config: exit 2, no hang', () => {
    const dir = project();
    execFileSync('mkfifo', [join(dir, 'f.yaml')]);
    const answers = runCli(['report', '--answers', 'f.yaml'], { cwd: dir });
    expect([answers.status, answers.stderr]).toEqual([
      2,
      'soc2-ready: f.yaml: Cannot read this path: it is a named pipe (FIFO), not a regular file.\n  Point at a regular file.\n',
    ]);
    const controls = runCli(['check', '--controls', 'f.yaml'], { cwd: dir });
    expect([controls.status, lines(controls.stderr)[0]]).toEqual([
      2,
      'soc2-ready: Controls path "f.yaml" is not a folder or a regular file.',
    ]);
    const config = runCli(['check', '--config', 'f.yaml'], { cwd: dir });
    expect([config.status, lines(config.stderr)[0]]).toEqual([
      2,
      'soc2-ready: f.yaml: Cannot read this path: it is a named pipe (FIFO), not a regular file.',
    ]);
  });

  test('an endless device (a /dev/zero node made in a temp folder) is refused before reading', () => {
    const dir = project();
    execFileSync('mknod', [join(dir, 'zero'), 'c', '1', '5']);
    const r = runCli(['report', '--answers', 'zero'], { cwd: dir });
    expect([r.status, lines(r.stderr)[0]]).toEqual([
      2,
      'soc2-ready: zero: Cannot read this path: it is a device, not a regular file.',
    ]);
  });
});

describe('bounded parsing (M12, L15)', () => {
  test('4 MB of "[" is a positioned yaml-syntax error, not a minute and gigabytes', () => {
    const dir = project();
    mkdirSync(join(dir, 'deep'));
    writeFileSync(join(dir, 'deep', 'a.yaml'), `controls: ${'['.repeat(4_000_000)}\n`);
    const r = runCli(['check', '--controls', 'deep', '--format', 'json'], { cwd: dir });
    const d = JSON.parse(r.stdout).diagnostics.find((x: { code: string }) => x.code === 'yaml-syntax');
    expect([r.status, d.code, d.file, d.line, d.column, d.message]).toEqual([
      1,
      'yaml-syntax',
      'deep/a.yaml',
      1,
      74,
      'Nesting is deeper than 64 levels; these files need only a few.',
    ]);
  });

  test('a yaml-syntax message quoting a huge token stays one readable line', () => {
    const dir = project();
    writeFileSync(join(dir, 'answers.yaml'), `version: 1\nscope: [security]\nanswers: "${'x'.repeat(60_000)}\n`);
    const r = runCli(['report', '--answers', 'answers.yaml'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(Math.max(...lines(r.stderr).map((l) => l.length))).toBeLessThan(400);
  });
});

describe('control folders (M10, L12, M14, L24)', () => {
  function controlsCopy(dir: string): void {
    cpSync(join(repoRoot, 'criteria', 'controls'), join(dir, 'ctl'), { recursive: true });
  }

  test('a symlinked control file is followed, and a link that leaves the folder is noted', () => {
    const dir = project();
    controlsCopy(dir);
    execFileSync('mv', [join(dir, 'ctl', 'governance.yaml'), join(dir, 'real-governance.yaml')]);
    symlinkSync('../real-governance.yaml', join(dir, 'ctl', 'governance.yaml'));
    const direct = runCli(['check'], { cwd: dir });
    const linked = runCli(['check', '--controls', 'ctl'], { cwd: dir });
    expect(linked.status).toBe(0);
    expect(linked.stdout).toContain(
      'ctl/governance.yaml  warning  outside-folder  Symbolic link leads outside ctl, to real-governance.yaml. Its files are read as part of the controls; make sure that is intended.',
    );
    const count = (s: string) => /(\d+) controls from/.exec(s)?.[1];
    expect(count(linked.stdout)).toBe(count(direct.stdout));
  });

  test('a file name that is not UTF-8 is a warning, not a crash', () => {
    const dir = project();
    controlsCopy(dir);
    writeFileSync(Buffer.from(`${join(dir, 'ctl')}/\xff.yaml`, 'latin1'), 'controls: []\n');
    const r = runCli(['check', '--controls', 'ctl'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      'ctl/\ufffd.yaml  warning  file-name  File name is not valid UTF-8, so the file cannot be read; it is skipped. Rename it with UTF-8 characters.',
    );
  });

  test('an unreadable subfolder (as the user nobody) is one diagnostic, the rest is still checked', () => {
    const dir = project();
    controlsCopy(dir);
    mkdirSync(join(dir, 'ctl', 'locked'));
    chmodSync(join(dir, 'ctl', 'locked'), 0o000);
    execFileSync('chmod', ['-R', 'a+rX', root]);
    chmodSync(join(dir, 'ctl', 'locked'), 0o000);
    const r = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, binPath, 'check', '--controls', 'ctl'],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '' } },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      'ctl/locked  error  unreadable  Cannot read this path: Permission denied. Check that it exists and that you may read it.',
    );
    expect(r.stdout).toMatch(/\d+ controls from ctl/);
  });

  test('an answers file whose controls: leads outside its folder is noted on stderr', () => {
    const dir = project();
    controlsCopy(dir);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.yaml'), 'version: 1\nscope: [security]\ncontrols: ../ctl\nanswers: {}\n');
    const r = runCli(['report', '--answers', 'sub/a.yaml', '--format', 'json', '-o', 'r.json'], { cwd: dir });
    expect([r.status, lines(r.stderr)[0]]).toEqual([
      0,
      `Note: the answers file's "controls: ../ctl" reads control files outside its folder, from ctl; make sure that is intended.`,
    ]);
  });
});

describe('templates and CLI contract (M14, L22, L23)', () => {
  test('--template-dir naming a file is exit 2, not "a bug"; {{log}} never reaches stdout', () => {
    const dir = project();
    writeFileSync(join(dir, 'afile'), '');
    const r = runCli(['report', '--answers', 'answers.yaml', '--template-dir', 'afile'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).not.toContain('This is a bug');
    mkdirSync(join(dir, 'tpl'));
    writeFileSync(join(dir, 'tpl', 'report.md.hbs'), '{{log "LOGGED"}}# {{organization}}\n');
    const md = runCli(['report', '--answers', 'answers.yaml', '--template-dir', 'tpl', '--format', 'md'], { cwd: dir });
    expect([md.status, md.stdout]).toEqual([0, '# Lumen Labs\n']);
  });

  test('no command is a usage mistake (exit 2); `help` is not', () => {
    expect(runCli([]).status).toBe(2);
    expect(runCli(['help']).status).toBe(0);
  });

  test('an out-of-range SOURCE_DATE_EPOCH is a usage error, not "a bug"', () => {
    const r = runCli(['report', '--answers', 'examples/early-stage-saas/answers.yaml'], {
      env: { SOURCE_DATE_EPOCH: '99999999999999999' },
    });
    expect([r.status, r.stderr]).toEqual([
      2,
      'soc2-ready: SOURCE_DATE_EPOCH=99999999999999999 is not a usable time (seconds since 1970).\n  Unset it, or set it to e.g. $(git log -1 --format=%ct).\n',
    ]);
  });

  test('an absolute path outside the working folder is shown as given; hints quote odd paths', () => {
    const missing = runCli(['check', '--controls', '/nonexistent']);
    expect(lines(missing.stderr)[0]).toBe('soc2-ready: Controls folder "/nonexistent" does not exist.');
    const dir = project();
    cpSync(join(dir, 'answers.yaml'), join(dir, 'my answers;x.yaml'));
    const r = runCli(['report', '--answers', 'my answers;x.yaml', '--format', 'text'], { cwd: dir });
    expect(r.stdout).toContain(
      "  soc2-ready report --answers 'my answers;x.yaml' --format html -o soc2-readiness.html\n",
    );
  });
});
