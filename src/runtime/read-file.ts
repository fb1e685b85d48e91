/**
 * Bounded input: control files, answers files, configs and report JSON are read only if they are
 * regular files no larger than the limit, checked on the open descriptor before a byte is read.
 * A FIFO is opened without blocking and refused, `/dev/zero` is refused as a device, and a file
 * that grows while it is read stops at the limit: nothing can hang the tool or exhaust memory.
 */
import * as fs from 'node:fs';
import { error, type Diagnostic } from '../diagnostics.js';
import { ContentError, UsageError } from '../errors.js';
import { fsUsageError, isFsError } from './fs-errors.js';

/** A control or answers file is a few hundred KB at most. */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;

export type ReadOutcome = { text: string; diagnostic?: undefined } | { text?: undefined; diagnostic: Diagnostic };

function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function tooLarge(bytes: number, file: string, limit: number): Diagnostic {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const limitMb = (limit / 1024 / 1024).toFixed(0);
  return error('file-too-large', `File is ${mb} MB; control and answer files are limited to ${limitMb} MB.`, {
    file,
    hint: 'Split it into several files.',
  });
}

/**
 * Reads at most `limit + 1` bytes from an open descriptor (a growing file cannot run away). The
 * buffer starts at the size fstat gave plus one byte, so a file that is as big as it said is read
 * in one call and the spare byte shows at once that it ended; only a file that grows (or a device
 * that reports no size) makes the buffer grow. (Fixed 1 MB chunks cost two 1 MB buffers per file,
 * which for a folder of control files was most of the garbage collection of `check`.)
 */
function readUpTo(fd: number, limit: number, sizeHint: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(sizeHint, limit) + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(Math.max(total * 2, 64 * 1024), limit + 1));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}

/**
 * The text of `path` as UTF-8, or a diagnostic naming `shown`: `not-a-file`, `unreadable`,
 * `file-too-large` or `encoding`. Never throws for a file-system problem, never blocks.
 */
export function readTextFile(path: string, shown: string, limit = MAX_INPUT_BYTES): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const st = fs.fstatSync(fd);
    if (!st.isFile())
      return {
        diagnostic: error('not-a-file', `Cannot read this path: it is ${kindOf(st)}, not a regular file.`, {
          file: shown,
          hint: 'Point at a regular file.',
        }),
      };
    if (st.size > limit) return { diagnostic: tooLarge(st.size, shown, limit) };
    const bytes = readUpTo(fd, limit, st.size);
    if (bytes.byteLength > limit) return { diagnostic: tooLarge(bytes.byteLength, shown, limit) };
    return decode(bytes, shown);
  } catch (cause) {
    if (!isFsError(cause)) throw cause;
    const message = fsUsageError(cause, 'reading', shown).message.replace(/ while reading .*$/, '.');
    return { diagnostic: error('unreadable', `Cannot read this file: ${message}`, { file: shown }) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function decode(bytes: Uint8Array, file: string): ReadOutcome {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return {
      diagnostic: error('encoding', 'File is not valid UTF-8 text.', {
        file,
        hint: 'Save it as UTF-8 (binary files do not belong in a controls folder).',
      }),
    };
  }
}

/** Diagnostic codes that describe the environment (exit 2), not the file's content (exit 1). */
const ENVIRONMENT = new Set(['not-a-file', 'unreadable']);

/** For a single file named by the user: a UsageError (exit 2) when the problem is the environment. */
export function environmentError(d: Diagnostic): UsageError | undefined {
  return ENVIRONMENT.has(d.code) ? new UsageError(`${d.file}: ${d.message}`, d.hint) : undefined;
}

/**
 * For a single file named on the command line or in the config (answers, config, report JSON):
 * its text, or a UsageError (wrong kind of file, unreadable: exit 2) or ContentError (too large,
 * not UTF-8: exit 1) carrying the located message.
 */
export function readTextFileOrThrow(path: string, shown: string, summary: string): string {
  const outcome = readTextFile(path, shown);
  if (outcome.diagnostic === undefined) return outcome.text;
  const d = outcome.diagnostic;
  throw environmentError(d) ?? new ContentError([d], summary);
}
