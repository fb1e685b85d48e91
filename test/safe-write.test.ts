import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../src/errors.js';
import { checkWriteTarget, writeFileAtomic } from '../src/runtime/fs-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-write-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The UsageError `run` throws (the test fails if it throws nothing or something else). */
function usageError(run: () => void): UsageError {
  try {
    run();
  } catch (cause) {
    if (cause instanceof UsageError) return cause;
    throw cause;
  }
  throw new Error('expected a UsageError');
}

const entries = () => readdirSync(dir).sort();

describe('writeFileAtomic', () => {
  test('a new file gets its content and mode 0644 (less the umask), no temp file is left', () => {
    const old = process.umask(0o022);
    try {
      writeFileAtomic(join(dir, 'r.md'), 'hello\n');
    } finally {
      process.umask(old);
    }
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toBe('hello\n');
    expect(statSync(join(dir, 'r.md')).mode & 0o777).toBe(0o644);
    expect(entries()).toEqual(['r.md']);
  });

  test('an existing 0600 file stays 0600 (notes are not made world-readable)', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  test('a read-only file is refused and kept', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old');
    chmodSync(file, 0o444);
    const e = usageError(() => writeFileAtomic(file, 'new', { shown: 'a.yaml' }));
    expect(e.message).toBe('Cannot write a.yaml: the file is read-only; nothing was changed.');
    expect(e.hint).toBe('Make it writable (chmod u+w a.yaml) if it should be updated.');
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  test('a symlink is written through: the link stays, its target gets the content', () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'answers.yaml'), 'old');
    symlinkSync('shared/answers.yaml', join(dir, 'a.yaml'));
    writeFileAtomic(join(dir, 'a.yaml'), 'new');
    expect(lstatSync(join(dir, 'a.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'a.yaml'))).toBe('shared/answers.yaml');
    expect(readFileSync(join(dir, 'shared', 'answers.yaml'), 'utf8')).toBe('new');
  });

  test('a dangling symlink is written through to the file it names', () => {
    symlinkSync('target.md', join(dir, 'link.md'));
    writeFileAtomic(join(dir, 'link.md'), 'x');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toBe('x');
  });

  test('a symlink loop is an error naming the path, not a hang', () => {
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const e = usageError(() => writeFileAtomic(join(dir, 'a'), 'x', { shown: 'a' }));
    expect(e.message).toBe('Too many levels of symbolic links while writing a; nothing was changed.');
  });

  test('a FIFO is refused (never replaced, never opened)', () => {
    const fifo = join(dir, 'fifo.md');
    execFileSync('mkfifo', [fifo]);
    const e = usageError(() => writeFileAtomic(fifo, 'x', { shown: 'fifo.md' }));
    expect(e.message).toBe('Cannot write fifo.md: it is a named pipe (FIFO), not a regular file; nothing was changed.');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(entries()).toEqual(['fifo.md']);
  });

  test('a device node (made in a temp folder, never /dev) is refused and kept', () => {
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const e = usageError(() => writeFileAtomic(device, 'x', { shown: 'null' }));
    expect(e.message).toBe('Cannot write null: it is a device, not a regular file; nothing was changed.');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  test('a symlink to a device is refused too', () => {
    execFileSync('mknod', [join(dir, 'full'), 'c', '1', '7']);
    symlinkSync('full', join(dir, 'out.json'));
    expect(usageError(() => writeFileAtomic(join(dir, 'out.json'), 'x', { shown: 'out.json' })).message).toBe(
      'Cannot write out.json: it is a device, not a regular file; nothing was changed.',
    );
    expect(lstatSync(join(dir, 'full')).isCharacterDevice()).toBe(true);
  });

  test('a folder is refused', () => {
    mkdirSync(join(dir, 'out'));
    expect(usageError(() => writeFileAtomic(join(dir, 'out'), 'x', { shown: 'out' })).message).toBe(
      'Cannot write out: it is a folder, not a regular file; nothing was changed.',
    );
  });

  test('a missing folder is named with the fix', () => {
    const e = usageError(() => writeFileAtomic(join(dir, 'nope', 'r.md'), 'x', { shown: 'nope/r.md' }));
    expect(e.message).toBe('Cannot write nope/r.md: the folder nope does not exist.');
    expect(e.hint).toBe('Create the folder first, or choose another path.');
  });

  test('a path through a file is named', () => {
    writeFileSync(join(dir, 'afile'), '');
    const e = usageError(() => writeFileAtomic(join(dir, 'afile', 'r.md'), 'x', { shown: 'afile/r.md' }));
    expect(e.message).toBe('Cannot write afile/r.md: the folder afile does not exist.');
  });

  test('an input of the same run is refused, also through a symlink or a hard link', () => {
    const input = join(dir, 'a.yaml');
    writeFileSync(input, 'answers');
    symlinkSync('a.yaml', join(dir, 'link.yaml'));
    linkSync(input, join(dir, 'hard.yaml'));
    for (const name of ['a.yaml', 'link.yaml', 'hard.yaml']) {
      const e = usageError(() => writeFileAtomic(join(dir, name), 'report', { shown: name, inputs: [input] }));
      expect(e.message).toBe(`Not writing ${name}: it is an input of this command and would be destroyed.`);
    }
    expect(readFileSync(input, 'utf8')).toBe('answers');
  });

  test('a 240-character file name works: the temp file name stays short', () => {
    const name = `${'r'.repeat(240)}.md`;
    writeFileAtomic(join(dir, name), 'x');
    expect(entries()).toEqual([name]);
  });

  test('short writes are continued until every byte is written', () => {
    const content = 'x'.repeat(10_000) + '\n';
    let calls = 0;
    writeFileAtomic(join(dir, 'r.json'), content, {
      writeSync: (fd, buffer, offset, length) => {
        calls++;
        return writeSync(fd, buffer, offset, Math.min(length, 999));
      },
    });
    expect(readFileSync(join(dir, 'r.json'), 'utf8')).toBe(content);
    expect(calls).toBe(11);
  });

  test('a write that stops part-way (full disk) keeps the old file and removes the temp file', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'old answers');
    let budget = 8192;
    const e = usageError(() =>
      writeFileAtomic(file, 'n'.repeat(20_000), {
        shown: 'a.yaml',
        writeSync: (fd, buffer, offset, length) => {
          if (budget === 0) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write' });
          const n = writeSync(fd, buffer, offset, Math.min(length, budget));
          budget -= n;
          return n;
        },
      }),
    );
    expect(e.message).toBe('No space left on device while writing a.yaml; nothing was changed.');
    expect(e.hint).toBe('Free some disk space and run the command again.');
    expect(readFileSync(file, 'utf8')).toBe('old answers');
    expect(entries()).toEqual(['a.yaml']);
  });

  test('a write that makes no progress is an error, not an endless loop', () => {
    const e = usageError(() => writeFileAtomic(join(dir, 'r.md'), 'abc', { shown: 'r.md', writeSync: () => 0 }));
    expect(e.message).toBe('No space left on device while writing r.md; nothing was changed.');
    expect(entries()).toEqual([]);
  });

  test('checkWriteTarget resolves the real path without writing anything', () => {
    symlinkSync('real.yaml', join(dir, 'a.yaml'));
    expect(checkWriteTarget(join(dir, 'a.yaml'))).toEqual({ path: join(dir, 'real.yaml'), existing: undefined });
    expect(entries()).toEqual(['a.yaml']);
  });
});
