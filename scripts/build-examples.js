#!/usr/bin/env node
// Regenerates every example's report.md, report.html and report.json with the built CLI and a fixed
// clock (SOURCE_DATE_EPOCH), so the committed reports are golden files. Run: npm run examples
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const EXAMPLES_EPOCH = '1795000000'; // 2026-11-18T11:06:40Z
const root = fileURLToPath(new URL('../examples/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/soc2-ready.cjs', import.meta.url));

for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  if (!existsSync(join(dir, 'answers.yaml'))) continue;
  const args = ['report', '-o', 'report.md', '-o', 'report.html', '-o', 'report.json'];
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: dir,
    env: { ...process.env, SOURCE_DATE_EPOCH: EXAMPLES_EPOCH, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    process.stderr.write(`${name}: ${run.stderr}`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`${name}: report.md, report.html, report.json\n`);
  }
}
