/**
 * File-system errors are environment errors, not bugs: this turns a Node `fs` error into a one-line
 * UsageError (exit 2) that names the user's path (never a hidden temp file) and the fix.
 */
import { UsageError } from '../errors.js';

export type FsAction = 'reading' | 'writing' | 'creating' | 'listing' | 'using';

interface Explained {
  what: string;
  hint: string;
}

const EXPLAINED: Record<string, (shown: string) => Explained> = {
  ENOSPC: () => ({ what: 'No space left on device', hint: 'Free some disk space and run the command again.' }),
  EDQUOT: () => ({ what: 'Disk quota exceeded', hint: 'Free some space in your quota and run the command again.' }),
  EROFS: () => ({ what: 'Read-only file system', hint: 'Write to a folder on a writable file system.' }),
  EACCES: () => ({ what: 'Permission denied', hint: 'Check the permissions of the file and its folder.' }),
  EPERM: () => ({ what: 'Operation not permitted', hint: 'Check the permissions of the file and its folder.' }),
  ENOENT: () => ({ what: 'No such file or folder', hint: 'Check the path; create missing folders first.' }),
  ENOTDIR: () => ({ what: 'A part of the path is not a folder', hint: 'Check the path.' }),
  EISDIR: () => ({ what: 'It is a folder', hint: 'Name a file, not a folder.' }),
  ENAMETOOLONG: () => ({ what: 'The file name is too long', hint: 'Use a shorter name.' }),
  ELOOP: () => ({ what: 'Too many levels of symbolic links', hint: 'Check the symbolic links on the path.' }),
  EIO: () => ({ what: 'Input/output error', hint: 'Check the disk or network drive.' }),
  EMFILE: () => ({ what: 'Too many open files', hint: 'Close other programs or raise the open-file limit.' }),
  ENFILE: () => ({ what: 'Too many open files', hint: 'Close other programs or raise the open-file limit.' }),
  EBUSY: () => ({ what: 'The file is busy', hint: 'Close the program using it and try again.' }),
  EFBIG: () => ({ what: 'File too large for the file system', hint: 'Write to another file system.' }),
  EXDEV: () => ({ what: 'Cannot move across file systems', hint: 'Write into the same folder as the target.' }),
};

/** Whether `cause` is an error from Node's fs (it carries an errno code such as ENOSPC). */
export function isFsError(cause: unknown): cause is NodeJS.ErrnoException {
  // Duck-typed: errors from Node's own realm are not `instanceof Error` inside a test VM.
  return (
    typeof cause === 'object' &&
    cause !== null &&
    typeof (cause as NodeJS.ErrnoException).code === 'string' &&
    typeof (cause as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * `No space left on device while writing reports/acme.html; nothing was changed.` The tail
 * ("nothing was changed") is only claimed by callers that know it (the atomic writer).
 */
export function fsUsageError(cause: unknown, action: FsAction, shown: string, tail = ''): UsageError {
  const code = isFsError(cause) ? cause.code! : '';
  const explained = EXPLAINED[code]?.(shown) ?? {
    what: isFsError(cause) ? cause.message.replace(/,.*$/, '') : String(cause),
    hint: 'Check the path and try again.',
  };
  return new UsageError(`${explained.what} while ${action} ${shown}${tail}.`, explained.hint);
}

/** The reason alone, e.g. "Permission denied", for messages that place the path themselves. */
export function describeFsError(cause: unknown): string {
  return fsUsageError(cause, 'reading', '').message.replace(/ while reading \.$/, '');
}

/** Runs `work`; a file-system error becomes a located UsageError, anything else is rethrown. */
export function withFsErrors<T>(action: FsAction, shown: string, work: () => T, tail = ''): T {
  try {
    return work();
  } catch (cause) {
    if (isFsError(cause)) throw fsUsageError(cause, action, shown, tail);
    throw cause;
  }
}
