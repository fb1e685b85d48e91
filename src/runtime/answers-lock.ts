/**
 * One `assess` per answers file: an exclusive lock file (`<answers>.lock`, holding the owner's pid
 * and host) next to it. A lock left by a killed process (its pid no longer runs on this host) is
 * recovered; a live one makes the second `assess` stop with a clear message (exit 2).
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { UsageError } from '../errors.js';
import { removeOrphanTemps, resolveWriteTarget } from './fs-atomic.js';
import { fsUsageError, isFsError } from './fs-errors.js';

export interface AnswersLock {
  /** The lock file's path. */
  path: string;
  /** Removes the lock if it is still ours; safe to call twice. */
  release(): void;
}

interface Owner {
  pid: number;
  host: string;
}

/** Takes the lock on `answersPath` (symlinks resolved, so two links to one file share one lock). */
export function lockAnswersFile(answersPath: string, shown: string): AnswersLock {
  const path = `${resolveWriteTarget(answersPath)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, shown)) {
      removeOrphanTemps(resolveWriteTarget(answersPath));
      return held(path);
    }
    const owner = readOwner(path);
    if (owner && isAlive(owner))
      throw new UsageError(
        `${shown} is open in another soc2-ready assess (process ${owner.pid}${owner.host === hostname() ? '' : ` on ${owner.host}`}).`,
        `Finish or stop that session first. If none is running, delete ${shown}.lock.`,
      );
    moveAside(path);
  }
  throw new UsageError(`Could not lock ${shown}: another process keeps creating ${shown}.lock.`);
}

function tryCreate(path: string, shown: string): boolean {
  try {
    const fd = fs.openSync(path, 'wx', 0o644);
    try {
      fs.writeSync(fd, `${process.pid}\n${hostname()}\n`);
    } finally {
      fs.closeSync(fd);
    }
    return true;
  } catch (cause) {
    if (isFsError(cause) && cause.code === 'EEXIST') return false;
    throw fsUsageError(cause, 'creating', `${shown}.lock`, '; the answers file was not changed');
  }
}

function readOwner(path: string): Owner | undefined {
  try {
    const [pid, host] = fs.readFileSync(path, 'utf8').split('\n');
    const n = Number(pid);
    return Number.isInteger(n) && n > 0 ? { pid: n, host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

/** A pid on another host cannot be checked, so it counts as alive. */
function isAlive(owner: Owner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (cause) {
    // EPERM: the process exists but belongs to someone else.
    return (cause as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Renames a stale lock away before deleting it, so two recovering processes cannot delete a fresh lock. */
function moveAside(path: string): void {
  const aside = `${path}.${randomBytes(4).toString('hex')}.stale`;
  try {
    fs.renameSync(path, aside);
    fs.rmSync(aside, { force: true });
  } catch {
    // Another process recovered it first; the next attempt sees its lock.
  }
}

function held(path: string): AnswersLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readOwner(path)?.pid === process.pid) fs.rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, release };
}
