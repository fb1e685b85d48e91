import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentError, UsageError } from '../src/errors.js';
import { readTextFile, readTextFileOrThrow } from '../src/runtime/read-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-read-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readTextFile', () => {
  test('a regular UTF-8 file is read', () => {
    writeFileSync(join(dir, 'a.yaml'), 'x: ü\n');
    expect(readTextFile(join(dir, 'a.yaml'), 'a.yaml')).toEqual({ text: 'x: ü\n' });
  });

  test('a FIFO with no writer is refused at once (no hang)', () => {
    execFileSync('mkfifo', [join(dir, 'f.yaml')]);
    expect(readTextFile(join(dir, 'f.yaml'), 'f.yaml').diagnostic).toEqual({
      code: 'not-a-file',
      severity: 'error',
      message: 'Cannot read this path: it is a named pipe (FIFO), not a regular file.',
      file: 'f.yaml',
      hint: 'Point at a regular file.',
    });
  });

  test('an endless device (a /dev/zero node made in a temp folder) is refused before reading', () => {
    execFileSync('mknod', [join(dir, 'zero'), 'c', '1', '5']);
    expect(readTextFile(join(dir, 'zero'), 'zero').diagnostic?.message).toBe(
      'Cannot read this path: it is a device, not a regular file.',
    );
  });

  test('a folder is refused', () => {
    mkdirSync(join(dir, 'd.yaml'));
    expect(readTextFile(join(dir, 'd.yaml'), 'd.yaml').diagnostic?.code).toBe('not-a-file');
  });

  test('a file over the limit is refused from its size, before reading', () => {
    writeFileSync(join(dir, 'big.yaml'), 'x'.repeat(2048));
    expect(readTextFile(join(dir, 'big.yaml'), 'big.yaml', 1024).diagnostic).toEqual({
      code: 'file-too-large',
      severity: 'error',
      message: 'File is 0.0 MB; control and answer files are limited to 0 MB.',
      file: 'big.yaml',
      hint: 'Split it into several files.',
    });
  });

  test('not UTF-8 is an encoding diagnostic', () => {
    writeFileSync(join(dir, 'b.yaml'), Buffer.from([0xff, 0xfe, 0x00]));
    expect(readTextFile(join(dir, 'b.yaml'), 'b.yaml').diagnostic?.code).toBe('encoding');
  });

  test('a missing file is an unreadable diagnostic naming the reason', () => {
    expect(readTextFile(join(dir, 'none.yaml'), 'none.yaml').diagnostic).toEqual({
      code: 'unreadable',
      severity: 'error',
      message: 'Cannot read this file: No such file or folder.',
      file: 'none.yaml',
    });
  });

  test('a path through a file is an unreadable diagnostic', () => {
    writeFileSync(join(dir, 'afile'), '');
    expect(readTextFile(join(dir, 'afile', 'x.yaml'), 'afile/x.yaml').diagnostic?.message).toBe(
      'Cannot read this file: A part of the path is not a folder.',
    );
  });
});

describe('readTextFileOrThrow', () => {
  test('a FIFO is a usage error (exit 2) naming the path', () => {
    execFileSync('mkfifo', [join(dir, 'f.yaml')]);
    expect(() => readTextFileOrThrow(join(dir, 'f.yaml'), 'f.yaml', 'bad')).toThrow(
      new UsageError('f.yaml: Cannot read this path: it is a named pipe (FIFO), not a regular file.'),
    );
  });

  test('bad content is a content error (exit 1) with the diagnostic', () => {
    writeFileSync(join(dir, 'b.yaml'), Buffer.from([0xff]));
    expect(() => readTextFileOrThrow(join(dir, 'b.yaml'), 'b.yaml', 'Answers file "b.yaml" is not valid.')).toThrow(
      ContentError,
    );
  });
});
