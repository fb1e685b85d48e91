// `assess` responsiveness for scripts/bench.js: in a real pseudo-terminal (util-linux `script`, as
// test/helpers/pty.ts does), press Enter and time until the answer's ✔ line and the next prompt's help
// line are both on screen. Output is watched as it arrives (no polling interval).
import { spawn } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b[()][A-Z0-9]|\u001b[=>]/g;

/**
 * Milliseconds from each Enter to the next question, for `keys` answers of `assess --review`.
 * `pause`: milliseconds between a question being drawn and its Enter. A person reads the question
 * first; with 0 the Enter also waits for what the CLI does while a prompt waits (assess prepares the
 * first save then), which is the worst case rather than what a user sees.
 */
export async function keypressLatencies(bin, dir, answersSource, keys, pause = 0) {
  copyFileSync(answersSource, join(dir, 'answers.yaml')); // every session starts from the same file
  const command = `stty cols 160 rows 50; exec '${process.execPath}' '${bin}' assess --review --answers answers.yaml`;
  const env = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: dir, env, stdio: 'pipe', detached: true });
  let buffer = '';
  let waiter;
  child.stdout.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    if (waiter && waiter.pattern.test(buffer.slice(waiter.since).replace(ANSI, ''))) waiter.done(performance.now());
  });
  const waitFor = (pattern, since) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`assess: timed out; output:\n${buffer.slice(-1500)}`)), 30000);
      waiter = { pattern, since, done: (at) => (clearTimeout(timer), (waiter = undefined), resolve(at)) };
      if (pattern.test(buffer.slice(since).replace(ANSI, ''))) waiter.done(performance.now());
    });
  try {
    await waitFor(/navigate/, 0);
    const latencies = [];
    for (let k = 0; k < keys; k++) {
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      const since = buffer.length;
      const start = performance.now();
      child.stdin.write('\r');
      latencies.push((await waitFor(/✔[\s\S]*navigate/, since)) - start);
    }
    return latencies;
  } finally {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
