import { spawn, type ChildProcess } from 'node:child_process';
import { binPath } from './run-cli.js';

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]/g;

export const KEY = { enter: '\r', down: '\u001b[B', up: '\u001b[A', space: ' ', ctrlC: '\u0003' };

/**
 * Runs the built CLI inside a real pseudo-terminal (util-linux `script`), so stdin and stdout are
 * TTYs exactly as for a person at a terminal. Keystrokes go in through script's stdin.
 */
export class PtySession {
  private readonly child: ChildProcess;
  private buffer = '';
  private exitCode: number | null | undefined;
  private readonly exited: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    const quoted = [process.execPath, binPath, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    // A wide terminal, so long questions are not wrapped in the middle of what the tests look for.
    const command = `stty cols 160 rows 50; exec ${quoted}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TERM: 'xterm-256color',
      COLUMNS: '120',
      LINES: '40',
      NO_COLOR: '1',
      // Tests must not fill the developer's ~/.cache; test/e2e/parse-cache.test.ts covers the cache.
      SOC2_READY_CACHE: 'off',
    };
    delete env.CI;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.buffer += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve((this.exitCode = code))));
  }

  /** Everything printed so far, without ANSI escape codes. */
  get text(): string {
    return this.buffer.replace(ANSI, '');
  }

  /** Waits until the screen output (after `since` characters) matches, then returns the time it took. */
  async waitFor(pattern: RegExp, since = 0, timeoutMs = 15000): Promise<number> {
    const start = Date.now();
    while (!pattern.test(this.text.slice(since))) {
      if (this.exitCode !== undefined)
        throw new Error(`process exited (${this.exitCode}) before ${pattern}; output:\n${this.text.slice(-2000)}`);
      if (Date.now() - start > timeoutMs)
        throw new Error(`timed out waiting for ${pattern}; output:\n${this.text.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 2));
    }
    return Date.now() - start;
  }

  /** Waits until `count` prompts have been answered (inquirer marks each with ✔) and the next is drawn. */
  async waitForAnswered(count: number): Promise<void> {
    await this.waitFor(new RegExp(`^(?:[^✔]*✔){${count}}[^✔]*navigate`));
  }

  /** Sends keys, pausing between them as a person would (inquirer reads keypresses one by one). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      this.child.stdin!.write(key);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Sends one key and returns the milliseconds until the output (after that moment) matches. */
  async timeKey(key: string, pattern: RegExp): Promise<number> {
    const since = this.text.length;
    const start = performance.now();
    this.child.stdin!.write(key);
    await this.waitFor(pattern, since);
    return performance.now() - start;
  }

  async type(text: string): Promise<void> {
    await this.press(...text.split(''));
  }

  /** SIGKILL to the whole process group: the CLI gets no chance to clean up. */
  kill(): Promise<number | null> {
    if (this.exitCode === undefined) {
      try {
        process.kill(-this.child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    return this.exited;
  }

  exit(): Promise<number | null> {
    return this.exited;
  }
}
