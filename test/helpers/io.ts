/** A fake Io for calling commands in-process: captures stdout and stderr, no terminal unless asked. */
import { Readable } from 'node:stream';
import type { Io } from '../../src/cli/io.js';

export interface FakeIo extends Io {
  /** Everything written to stdout so far. */
  out(): string;
  /** Everything written to stderr so far. */
  err(): string;
}

export function fakeIo(cwd: string, env: NodeJS.ProcessEnv = {}): FakeIo {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => ({ write: (s: string) => (write(s), true) }) as unknown as Io['stdout'];
  return {
    stdin: Readable.from([]),
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env,
    cwd,
    out: () => stdout,
    err: () => stderr,
  };
}
