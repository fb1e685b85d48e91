/**
 * What the built CLI loads before it knows which command runs. Node's own module log
 * (NODE_DEBUG=module,esm) names every file the CommonJS loader reads and every step of the ESM loader.
 * The start-up budget (DESIGN: only commander at start-up) is kept by the build: the bin and the
 * CLI's entry chunks are CommonJS, and every command sits in a chunk required when it runs.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot, runCli } from '../helpers/run-cli.js';

/** The files the CLI loaded as modules, relative to the repository, and whether the ESM loader ran. */
function modulesLoaded(args: string[], cwd = repoRoot) {
  const r = runCli(args, { cwd, env: { NODE_DEBUG: 'module,esm' } });
  const files = [...r.stderr.matchAll(/^MODULE \d+: load "([^"]+)"/gm)].map((m) => relative(repoRoot, m[1]!));
  return { status: r.status, files, esm: /^ESM \d+:/m.test(r.stderr) };
}

/** The npm packages bundled into a file as CommonJS modules (esbuild keys each by its path). */
const bundledPackages = (file: string) =>
  new Set(
    [...readFileSync(join(repoRoot, file), 'utf8').matchAll(/"node_modules\/((?:@[^/"]+\/)?[^/"]+)\//g)].map(
      (m) => m[1],
    ),
  );

describe('start-up', () => {
  test('--help loads the bin and the CLI entry chunks through the CommonJS loader only', () => {
    const { status, files, esm } = modulesLoaded(['--help']);
    expect(status).toBe(0);
    expect(esm).toBe(false);
    expect(files.slice(0, 2)).toEqual(['bin/soc2-ready.cjs', 'dist/cli.cjs']);
    for (const file of files.slice(2)) expect(file).toMatch(/^dist\/cli-[A-Z0-9]+\.cjs$/);
  });

  test('of the CommonJS packages, only commander is in the files --help loads', () => {
    const packages = new Set(modulesLoaded(['--help']).files.flatMap((f) => [...bundledPackages(f)]));
    expect([...packages].sort()).toEqual(['@commander-js/extra-typings', 'commander']);
  });

  test('a command loads its own chunks, and of the vendor bundles only the one it needs', () => {
    const help = new Set(modulesLoaded(['--help']).files);
    // A YAML syntax error is outside the fast reader's subset, so `yaml` itself reads the file.
    const check = modulesLoaded(['check', '--controls', 'test/fixtures/invalid/yaml-syntax/controls']);
    expect(check.status).toBe(1);
    expect(check.esm).toBe(false);
    expect(check.files.filter((f) => !help.has(f)).length).toBeGreaterThan(0);
    expect(check.files.filter((f) => f.startsWith('dist/vendor/'))).toEqual(['dist/vendor/yaml.cjs']);
  });
});
