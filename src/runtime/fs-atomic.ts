/**
 * The one safe writer for answers files, reports and `init`. Readers (and a crash, Ctrl-C or a full
 * disk at any moment) see either the old content or the new, never half of it:
 * - the temp file is created exclusively (O_EXCL) next to the target, with a short name and the
 *   target's mode (and owner, when running as root), so confidential notes never become world-readable;
 * - every byte is written (short writes are continued, a zero-byte write is an error), flushed, and
 *   the size is checked before the rename;
 * - a symlink is written through to its target (the link stays a link);
 * - FIFOs, devices, sockets, folders, read-only files and any input of the same run are refused;
 * - on every failure path the temp file is removed and the error names the user's path (exit 2).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { fsUsageError, isFsError } from './fs-errors.js';

export interface SafeWriteOptions {
  /** How the target is named in messages (relative to the cwd); defaults to the path. */
  shown?: string;
  /** Files this run reads: writing onto one of them is refused. */
  inputs?: readonly string[];
  /** Test seam: the system call that writes bytes (to simulate short writes or a full disk). */
  writeSync?: (fd: number, buffer: Uint8Array, offset: number, length: number) => number;
}

const MAX_SYMLINK_HOPS = 40;

/** What a non-regular file is called in messages. */
function kindOf(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function statOrUndefined(path: string, follow: boolean): fs.Stats | undefined {
  try {
    return follow ? fs.statSync(path) : fs.lstatSync(path);
  } catch (cause) {
    if (isFsError(cause) && (cause.code === 'ENOENT' || cause.code === 'ENOTDIR')) return undefined;
    throw cause;
  }
}

/** The path a write really lands on: symlinks followed (also dangling ones), loop-safe. */
export function resolveWriteTarget(path: string): string {
  let current = resolve(path);
  for (let hops = 0; hops < MAX_SYMLINK_HOPS; hops++) {
    const st = statOrUndefined(current, false);
    if (!st?.isSymbolicLink()) return current;
    current = resolve(dirname(current), fs.readlinkSync(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP', syscall: 'readlink', path });
}

export interface WriteTarget {
  /** Where the bytes go (symlinks resolved). */
  path: string;
  /** The existing file, or undefined for a new one. */
  existing?: fs.Stats;
}

/**
 * Checks that `path` can be replaced safely, before any work is done (e.g. before the first
 * question of `assess`). Throws a UsageError (exit 2) naming the path and the fix.
 */
export function checkWriteTarget(path: string, options: SafeWriteOptions = {}): WriteTarget {
  const shown = options.shown ?? path;
  try {
    const target = resolveWriteTarget(path);
    const existing = statOrUndefined(target, true);
    const kind = existing && kindOf(existing);
    if (kind)
      throw new UsageError(
        `Cannot write ${shown}: it is ${kind}, not a regular file; nothing was changed.`,
        'Name a regular file (leave out -o, or use -o -, to print to stdout).',
      );
    if (existing && (existing.mode & 0o222) === 0)
      throw new UsageError(
        `Cannot write ${shown}: the file is read-only; nothing was changed.`,
        `Make it writable (chmod u+w ${shown}) if it should be updated.`,
      );
    if (existing) assertNotAnInput(existing, shown, options.inputs ?? []);
    const folder = statOrUndefined(dirname(target), true);
    if (!folder?.isDirectory())
      throw new UsageError(
        `Cannot write ${shown}: the folder ${dirname(shown)} does not exist.`,
        'Create the folder first, or choose another path.',
      );
    fs.accessSync(dirname(target), fs.constants.W_OK);
    return { path: target, existing };
  } catch (cause) {
    if (isFsError(cause)) throw fsUsageError(cause, 'writing', shown, '; nothing was changed');
    throw cause;
  }
}

function assertNotAnInput(target: fs.Stats, shown: string, inputs: readonly string[]): void {
  for (const input of inputs) {
    const st = statOrUndefined(input, true);
    if (st && st.dev === target.dev && st.ino === target.ino)
      throw new UsageError(
        `Not writing ${shown}: it is an input of this command and would be destroyed.`,
        'Write the output to another file.',
      );
  }
}

/** Writes `content` to `path` atomically; see the module comment for every guarantee. */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: SafeWriteOptions = {}): void {
  const shown = options.shown ?? path;
  const target = checkWriteTarget(path, options);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const temp = tempPathFor(target.path);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    if (target.existing) keepModeAndOwner(fd, target.existing);
    writeAll(fd, bytes, options.writeSync ?? fs.writeSync);
    fs.fsyncSync(fd);
    if (fs.fstatSync(fd).size !== bytes.byteLength) throw shortWrite();
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target.path);
  } catch (cause) {
    if (fd !== undefined) fs.closeSync(fd);
    removeQuietly(temp);
    if (isFsError(cause)) throw fsUsageError(cause, 'writing', shown, '; nothing was changed');
    throw cause;
  }
  syncFolder(dirname(target.path));
}

function removeQuietly(path: string): void {
  try {
    fs.rmSync(path, { force: true });
  } catch {
    // The first error is the one to report; a failed clean-up must not mask it.
  }
}

const shortName = (target: string) => Array.from(basename(target)).slice(0, 24).join('');

/** `.name.1a2b3c4d.tmp` next to the target: short (at most ~110 bytes), unique, hidden. */
function tempPathFor(target: string): string {
  return join(dirname(target), `.${shortName(target)}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Removes temp files a killed writer of `target` left behind (kill -9 between write and rename).
 * Only safe while no other process writes `target`: `assess` calls it holding the answers lock.
 */
export function removeOrphanTemps(target: string): void {
  const prefix = `.${shortName(target)}.`;
  const folder = dirname(target);
  for (const name of fs.readdirSync(folder))
    if (name.startsWith(prefix) && /^[0-9a-f]{8}\.tmp$/.test(name.slice(prefix.length)))
      removeQuietly(join(folder, name));
}

function keepModeAndOwner(fd: number, existing: fs.Stats): void {
  fs.fchmodSync(fd, existing.mode & 0o7777);
  if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
    try {
      fs.fchownSync(fd, existing.uid, existing.gid);
    } catch {
      // Best effort: e.g. a file system without owners. The mode is already kept.
    }
  }
}

/** write(2) may write fewer bytes than asked (nearly full disk): keep going until all are written. */
function writeAll(fd: number, bytes: Uint8Array, write: NonNullable<SafeWriteOptions['writeSync']>): void {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const written = write(fd, bytes, offset, bytes.byteLength - offset);
    if (!(written > 0)) throw shortWrite();
    offset += written;
  }
}

function shortWrite(): NodeJS.ErrnoException {
  // The kernel reports a full disk as a short count, then ENOSPC; a write that makes no progress means the same.
  return Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
}

/** Flushes the folder entry so the rename survives a power cut; not every file system allows it. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Best effort only.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
