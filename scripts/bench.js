#!/usr/bin/env node
// Start-up, throughput, memory and `assess` latency on the paths users take, as ratios to `node -e 0`.
// Every command runs right next to its own `node -e 0` (in random order) and the ratio is taken pair
// by pair; cases and builds are shuffled within each round; medians are reported. The machine is
// noisy, so only ratios from one run are comparable, which is why a second build can run in the
// same rounds: `--baseline <dir>` (a checkout of another commit, built) gives before/after.
// Usage: npm run bench [-- --rounds 11] [--baseline ../perf-base] [--only init] [--sessions 7] [--no-assess]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { keypressLatencies } from './bench-assess.js';
import { initedProject, realInventory, stubInventory } from './bench-fixtures.js';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const rounds = Number(option('--rounds')) || 11;
const sessions = Number(option('--sessions')) || 7;
const only = option('--only') ? new RegExp(option('--only'), 'i') : undefined;

const root = fileURLToPath(new URL('../', import.meta.url));
const buildOf = (label, dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { label, root: dir, bin: join(dir, pkg.bin['soc2-ready']) };
};
const builds = [buildOf('now', root)];
if (option('--baseline')) builds.unshift(buildOf('baseline', resolve(option('--baseline'))));

const work = mkdtempSync(join(tmpdir(), 'soc2-bench-'));
// Set up by the oldest build, so every build reads the same files (newer builds read older configs).
const inited = initedProject(join(work, 'inited'), builds[0].bin, root);
const json = ['--format', 'json'];
const cases = [
  { name: '--help', args: ['--help'], goal: '≤ 1.25×' },
  { name: 'check (built-in library)', args: ['check', '--scope', 'all'], goal: '≤ 2×' },
  {
    name: 'report --format html (biggest example)',
    args: ['report', '--format', 'html'],
    cwd: join(root, 'examples', 'health-privacy'),
    goal: '≤ 2.5×',
  },
  // `--controls controls` is what the project's config says; explicit, so older builds (which read
  // the built-in library unless told) do the same work.
  { name: 'check in an init-ed project', args: ['check', '--controls', 'controls'], cwd: inited, goal: '≤ 2.0×' },
  {
    name: 'report --format html, init-ed project',
    args: ['report', '--format', 'html', '--controls', 'controls'],
    cwd: inited,
    goal: '≤ 2.2×',
  },
  ...inventoryCases(),
].filter((c) => !only || only.test(c.name));

/**
 * The user-inventory cases, each twice: cold (SOC2_READY_CACHE=off: every file parsed, as in CI) and
 * warm (the parse cache filled by an earlier run, as on a laptop the second time).
 */
function inventoryCases() {
  const inventories = [
    { name: '300 controls / 20 files (real shape)', dir: realInventory(join(work, 'real'), 20, 300), goal: '≤ 2.0×' },
    { name: '10,000 controls / 1 file', dir: stubInventory(join(work, '10k-1'), 1, 10000), goal: '≤ 6×', rounds: 5 },
    {
      name: '10,000 controls / 100 files',
      dir: stubInventory(join(work, '10k-100'), 100, 100),
      goal: '≤ 5×',
      rounds: 5,
    },
    {
      name: '100,000 controls / 100 files',
      dir: stubInventory(join(work, '100k-100'), 100, 1000),
      goal: '≤ 25×, linear',
      rounds: 3,
    },
  ];
  return inventories.flatMap((inventory) =>
    ['cold', 'warm'].map((cache) => ({
      name: `check ${inventory.name}${cache === 'warm' ? ', warm cache' : ''}`,
      args: ['check', '--controls', inventory.dir, ...json],
      goal: inventory.goal,
      rounds: inventory.rounds,
      env:
        cache === 'cold'
          ? { SOC2_READY_CACHE: 'off' }
          : { CI: '', SOC2_READY_CACHE: '', SOC2_READY_CACHE_DIR: join(work, 'cache') },
    })),
  );
}

const haveTime = existsSync('/usr/bin/time');
// CPU time (all threads) from `perf stat` when available: exact, and steady when the machine is busy;
// otherwise user + sys from /usr/bin/time (10 ms steps).
const havePerf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true']).status === 0;
const timeFile = join(work, 'time.txt');
const perfFile = join(work, 'perf.txt');
/** One whole process: wall ms, CPU ms and peak RSS in MiB (the last two via perf and /usr/bin/time). */
function run(args, cwd, extraEnv = {}) {
  const time = haveTime ? ['/usr/bin/time', '-f', '%U %S %M', '-o', timeFile] : [];
  const perf = havePerf ? ['perf', 'stat', '-x,', '-e', 'task-clock', '-o', perfFile] : [];
  const command = [...perf, ...time, process.execPath, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  if (!haveTime) return { wall };
  const [user, sys, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  const taskClock = havePerf ? Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(perfFile, 'utf8'))?.[1]) : NaN;
  return { wall, cpu: havePerf ? taskClock : (user + sys) * 1000, rss: rss / 1024 };
}

/** A case's environment for one build: each build has its own cache (one would evict the other's). */
function envFor(c, build) {
  const dir = c.env?.SOC2_READY_CACHE_DIR;
  return dir ? { ...c.env, SOC2_READY_CACHE_DIR: `${dir}-${build.label}` } : c.env;
}

// Fill the warm caches before measuring.
for (const c of cases.filter((c) => c.name.endsWith('warm cache')))
  for (const build of builds) run([build.bin, ...c.args], c.cwd ?? root, envFor(c, build));

const results = new Map(); // `${case}|${build}` -> [{ ratio, cpuRatio, rss, wall, node }]
for (let r = 0; r < rounds; r++) {
  const shuffled = (xs) => [...xs].sort(() => Math.random() - 0.5);
  for (const c of shuffled(cases.filter((c) => r < (c.rounds ?? rounds)))) {
    for (const build of shuffled(builds)) {
      const command = () => run([build.bin, ...c.args], c.cwd ?? root, envFor(c, build));
      const node = () => run(['-e', '0'], c.cwd ?? root);
      // The command and its own `node -e 0`, in random order.
      const before = Math.random() < 0.5 ? node() : undefined;
      const a = command();
      const pair = before ?? node();
      const key = `${c.name}|${build.label}`;
      results.set(key, [
        ...(results.get(key) ?? []),
        { ratio: a.wall / pair.wall, cpuRatio: a.cpu / pair.cpu, rss: a.rss, wall: a.wall, node: pair.wall },
      ]);
    }
  }
  process.stderr.write(`round ${r + 1}/${rounds}\n`);
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const x = (v) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '–');
console.log(`\n${rounds} interleaved rounds (10k: 5, 100k: 3), each run paired with \`node -e 0\`; medians.`);
console.log(`node ${process.version}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1))}\n`);
const header = ['case'.padEnd(44), 'goal'.padEnd(15)];
for (const b of builds) header.push(`${b.label} (wall, cpu)`.padStart(22), `RSS ${b.label}`.padStart(14));
if (builds.length === 2) header.push('now ÷ baseline'.padStart(15));
console.log(header.join(' '));
for (const c of cases) {
  const row = [c.name.padEnd(44), c.goal.padEnd(15)];
  for (const b of builds) {
    const rs = results.get(`${c.name}|${b.label}`);
    const wall = x(median(rs.map((m) => m.ratio)));
    row.push(`${wall} (${x(median(rs.map((m) => m.cpuRatio)))})`.padStart(22));
    row.push(`${median(rs.map((m) => m.rss)).toFixed(1)} MiB`.padStart(14));
  }
  if (builds.length === 2) {
    const [base, now] = builds.map((b) => results.get(`${c.name}|${b.label}`));
    row.push(x(median(now.map((m, i) => m.ratio / base[i].ratio))).padStart(15));
  }
  console.log(row.join(' '));
}
const big = () =>
  ['check 10,000 controls / 100 files', 'check 100,000 controls / 100 files'].map((n) =>
    cases.find((c) => c.name === n),
  );
for (const b of builds) {
  const [ten, hundred] = big();
  if (!ten || !hundred) break;
  const cost = (c) => median(results.get(`${c.name}|${b.label}`).map((m) => m.wall - m.node));
  console.log(
    `linearity ${b.label}: (100k − node) ÷ (10k − node) = ${(cost(hundred) / cost(ten)).toFixed(1)} (10 is linear)`,
  );
}

if (!argv.includes('--no-assess') && (!only || only.test('assess'))) {
  const answers = join(root, 'examples', 'health-privacy', 'answers.yaml');
  // Enter at once (the worst case: it also waits for work assess does while a prompt waits), and
  // after 300 ms, about the least time a person takes to read a question.
  const pauses = [0, 300];
  const latencies = new Map(builds.flatMap((b) => pauses.map((p) => [`${b.label}|${p}`, []])));
  for (let s = 0; s < sessions; s++) {
    for (const [b, pause] of builds.flatMap((b) => pauses.map((p) => [b, p])).sort(() => Math.random() - 0.5)) {
      const dir = join(work, `assess-${b.label}`);
      mkdirSync(dir, { recursive: true });
      latencies.get(`${b.label}|${pause}`).push(await keypressLatencies(b.bin, dir, answers, 10, pause));
    }
  }
  console.log(`\nassess --review, 257 answers: Enter → next question drawn (${sessions} sessions × 10 keys, medians)`);
  console.log(
    `${'build'.padEnd(10)} ${'Enter'.padEnd(15)} ${'1st key'.padStart(9)} ${'keys 1–3'.padStart(9)} ${'keys 4+'.padStart(9)}   goal`,
  );
  for (const [key, all] of latencies) {
    const [label, pause] = key.split('|');
    const ms = (v) => `${v.toFixed(1)} ms`.padStart(9);
    const first = median(all.map((l) => l[0]));
    const early = median(all.flatMap((l) => l.slice(0, 3)));
    const late = median(all.flatMap((l) => l.slice(3)));
    const when = pause === '0' ? 'at once' : `after ${pause} ms`;
    console.log(
      `${label.padEnd(10)} ${when.padEnd(15)} ${ms(first)} ${ms(early)} ${ms(late)}   keys 1–3 ≤ 20 ms, later ≤ 10 ms`,
    );
  }
}
rmSync(work, { recursive: true, force: true });
