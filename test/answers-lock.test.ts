import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../src/errors.js';
import { lockAnswersFile } from '../src/runtime/answers-lock.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-lock-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('lockAnswersFile', () => {
  test('takes <answers>.lock with pid and host, and release removes it', () => {
    const lock = lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml');
    expect(lock.path).toBe(join(dir, 'a.yaml.lock'));
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
    lock.release();
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  test('a live owner makes the second lock a usage error naming the file and the way out', () => {
    const lock = lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml');
    try {
      let error: unknown;
      try {
        lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml');
      } catch (cause) {
        error = cause;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).message).toBe(
        `a.yaml is open in another soc2-ready assess (process ${process.pid}).`,
      );
      expect((error as UsageError).hint).toBe(
        'Finish or stop that session first. If none is running, delete a.yaml.lock.',
      );
    } finally {
      lock.release();
    }
  });

  test('a stale lock from a killed process is recovered', () => {
    writeFileSync(join(dir, 'a.yaml.lock'), `${deadPid()}\n${hostname()}\n`);
    const lock = lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml');
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
    lock.release();
  });

  test('temp files a killed writer left next to the answers file are removed under the lock, nothing else', () => {
    for (const name of ['.a.yaml.0badf00d.tmp', '.a.yaml.keep.tmp', '.b.yaml.0badf00d.tmp', 'a.yaml'])
      writeFileSync(join(dir, name), 'x');
    lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml').release();
    expect(readdirSync(dir).sort()).toEqual(['.a.yaml.keep.tmp', '.b.yaml.0badf00d.tmp', 'a.yaml']);
  });

  test('an unreadable (garbage) lock counts as stale', () => {
    writeFileSync(join(dir, 'a.yaml.lock'), 'garbage');
    lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml').release();
  });

  test('a lock held on another host is respected (its pid cannot be checked)', () => {
    writeFileSync(join(dir, 'a.yaml.lock'), `${deadPid()}\nsome-other-host\n`);
    expect(() => lockAnswersFile(join(dir, 'a.yaml'), 'a.yaml')).toThrow(/on some-other-host\)\.$/);
  });

  test('two symlinks to one answers file share one lock', () => {
    writeFileSync(join(dir, 'real.yaml'), '');
    symlinkSync('real.yaml', join(dir, 'link.yaml'));
    const lock = lockAnswersFile(join(dir, 'link.yaml'), 'link.yaml');
    expect(lock.path).toBe(join(dir, 'real.yaml.lock'));
    expect(() => lockAnswersFile(join(dir, 'real.yaml'), 'real.yaml')).toThrow(UsageError);
    lock.release();
  });
});
