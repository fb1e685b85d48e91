#!/usr/bin/env node
// Start-up and throughput benchmark, as ratios to `node -e 0` measured in the same run.
// Commands run interleaved in shuffled rounds (the machine is noisy); medians are reported.
// Usage: npm run bench [-- --rounds 15]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = join(root, 'bin', 'soc2-ready.js');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 15;

/** A generated inventory: `files` files of `perFile` controls each, mapped round-robin to every criterion. */
function inventory(files, perFile) {
  const dir = mkdtempSync(join(tmpdir(), `soc2-bench-${files * perFile}-`));
  const ids = [
    'CC1.1',
    'CC1.2',
    'CC1.3',
    'CC1.4',
    'CC1.5',
    'CC2.1',
    'CC2.2',
    'CC2.3',
    'CC3.1',
    'CC3.2',
    'CC3.3',
    'CC3.4',
    'CC4.1',
    'CC4.2',
    'CC5.1',
    'CC5.2',
    'CC5.3',
    'CC6.1',
    'CC6.2',
    'CC6.3',
    'CC6.4',
    'CC6.5',
    'CC6.6',
    'CC6.7',
    'CC6.8',
    'CC7.1',
    'CC7.2',
    'CC7.3',
    'CC7.4',
    'CC7.5',
    'CC8.1',
    'CC9.1',
    'CC9.2',
  ];
  mkdirSync(join(dir, 'controls'));
  for (let f = 0; f < files; f++) {
    const lines = ['controls:'];
    for (let c = 0; c < perFile; c++) {
      const n = f * perFile + c;
      lines.push(
        `  - id: GEN-${n}`,
        `    title: Generated control ${n}`,
        `    criteria: [${ids[n % ids.length]}, ${ids[(n + 7) % ids.length]}]`,
        '    weight: 2',
        '    owner: Security lead',
      );
    }
    writeFileSync(join(dir, 'controls', `file-${f}.yaml`), `${lines.join('\n')}\n`);
  }
  return dir;
}

const big = inventory(100, 100);
const half = inventory(50, 100);
const htmlExample = join(root, 'examples', 'health-privacy');
const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: '--help', args: [bin, '--help'] },
  { name: 'check (built-in library)', args: [bin, 'check', '--scope', 'all'] },
  { name: 'report --format html (biggest example)', args: [bin, 'report', '--format', 'html'], cwd: htmlExample },
  {
    name: 'check 5,000 controls / 50 files',
    args: [bin, 'check', '--controls', join(half, 'controls'), '--format', 'json'],
  },
  {
    name: 'check 10,000 controls / 100 files',
    args: [bin, 'check', '--controls', join(big, 'controls'), '--format', 'json'],
  },
];

const times = new Map(cases.map((c) => [c.name, []]));
for (let r = 0; r < rounds; r++) {
  for (const c of [...cases].sort(() => Math.random() - 0.5)) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, c.args, {
      cwd: c.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0 && run.status !== 1) throw new Error(`${c.name} failed: ${run.stderr}`);
    times.get(c.name).push(ms);
  }
}
rmSync(big, { recursive: true, force: true });
rmSync(half, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const baseline = median(times.get('node -e 0'));
const budget = {
  '--help': '≤ 1.3×',
  'check (built-in library)': '≤ 2×',
  'report --format html (biggest example)': '≤ 2.5×',
  'check 10,000 controls / 100 files': '≤ 1.5 s, linear',
};
console.log(`${rounds} interleaved rounds, medians (node ${process.version})\n`);
console.log('command'.padEnd(42), 'median'.padStart(9), 'ratio'.padStart(7), '  budget');
for (const c of cases) {
  const m = median(times.get(c.name));
  console.log(
    c.name.padEnd(42),
    `${m.toFixed(1)} ms`.padStart(9),
    `${(m / baseline).toFixed(2)}×`.padStart(7),
    `  ${budget[c.name] ?? ''}`,
  );
}
const t5 = median(times.get('check 5,000 controls / 50 files'));
const t10 = median(times.get('check 10,000 controls / 100 files'));
console.log(
  `\nlinearity: (10k − node) / (5k − node) = ${((t10 - baseline) / (t5 - baseline)).toFixed(2)} (2.00 is linear)`,
);
