/**
 * The parse cache as a user meets it: the built CLI, a real cache folder. A cached run must print
 * exactly what an uncached run prints; every way the cache can be missing, stale, corrupt or
 * unwritable falls back to parsing; CI and SOC2_READY_CACHE=off never touch it.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheDirectory } from '../../src/runtime/parse-cache.js';
import { repoRoot, runCli, type CliResult } from '../helpers/run-cli.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project with the startup inventory (not a copy of the library, so the snapshot does not serve it). */
function project(): { cwd: string; cache: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'soc2-cache-'));
  temps.push(cwd);
  cpSync(join(repoRoot, 'examples', 'inventories', 'startup', 'controls'), join(cwd, 'controls'), { recursive: true });
  return { cwd, cache: join(cwd, 'cache') };
}

const cached = (cwd: string, cache: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult =>
  runCli(args, { cwd, env: { CI: undefined, SOC2_READY_CACHE: undefined, SOC2_READY_CACHE_DIR: cache, ...env } });
const uncached = (cwd: string, args: string[]): CliResult => runCli(args, { cwd, env: { SOC2_READY_CACHE: 'off' } });
const cacheFiles = (cache: string) => (existsSync(cache) ? readdirSync(cache) : []);
const CHECK = ['check', '--controls', 'controls', '--format', 'json'];

describe('the parse cache', () => {
  test('the second run reads the cache and prints exactly what parsing prints', () => {
    const { cwd, cache } = project();
    const first = cached(cwd, cache, CHECK);
    expect(cacheFiles(cache)).toHaveLength(1);
    const second = cached(cwd, cache, CHECK);
    expect(second).toEqual(first);
    expect(second).toEqual(uncached(cwd, CHECK));
    expect(first.status).toBe(0);
  });

  test('it is really read: an entry whose text still matches decides the controls', () => {
    const { cwd, cache } = project();
    cached(cwd, cache, CHECK);
    const [name] = cacheFiles(cache);
    const file = join(cache, name!);
    const entry = JSON.parse(readFileSync(file, 'utf8')) as {
      files: Record<string, { controls: { criteria: string[] }[] }>;
    };
    for (const f of Object.values(entry.files)) for (const c of f.controls) c.criteria = [];
    writeFileSync(file, JSON.stringify(entry));
    const tampered = cached(cwd, cache, CHECK);
    expect(tampered.status).toBe(1);
    expect((JSON.parse(tampered.stdout) as { unmapped: string[] }).unmapped).toHaveLength(33);
  });

  test('an edited file is parsed again: its findings keep their exact positions', () => {
    const { cwd, cache } = project();
    cached(cwd, cache, CHECK);
    const path = join(cwd, 'controls', 'inventory.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('criteria: [CC1.1, CC1.5]', 'criteria: [CC1.1, CC9.9]'));
    const text = ['check', '--controls', 'controls'];
    const edited = cached(cwd, cache, text);
    expect(edited.status).toBe(1);
    expect(edited).toEqual(uncached(cwd, text));
    expect(edited.stdout).toContain(
      'controls/inventory.yaml:4:82  error  unknown-criterion  Control "GOV-01" maps to "CC9.9", which is not a TSC 2017 criterion.',
    );
  });

  test.each([
    ['corrupt', 'not json {'],
    ['written by another build', JSON.stringify({ build: 'another', files: {} })],
    ['of the wrong shape', JSON.stringify({ build: 'x', files: null })],
  ])('a %s cache file is ignored and replaced', (_, content) => {
    const { cwd, cache } = project();
    cached(cwd, cache, CHECK);
    const [name] = cacheFiles(cache);
    writeFileSync(join(cache, name!), content);
    expect(cached(cwd, cache, CHECK)).toEqual(uncached(cwd, CHECK));
    expect(JSON.parse(readFileSync(join(cache, name!), 'utf8'))).toMatchObject({ files: expect.any(Object) });
  });

  test('an entry of this build for this exact text, but of the wrong shape, is parsed again', () => {
    const { cwd, cache } = project();
    cached(cwd, cache, CHECK);
    const [name] = cacheFiles(cache);
    const file = JSON.parse(readFileSync(join(cache, name!), 'utf8')) as {
      files: Record<string, { controls: unknown }>;
    };
    file.files['inventory.yaml']!.controls = 'not a list';
    writeFileSync(join(cache, name!), JSON.stringify(file));
    expect(cached(cwd, cache, CHECK)).toEqual(uncached(cwd, CHECK));
  });

  test('an unwritable cache location changes nothing but speed', () => {
    const { cwd } = project();
    const blocker = join(cwd, 'blocker');
    writeFileSync(blocker, 'a file where the cache folder would go');
    expect(cached(cwd, join(blocker, 'cache'), CHECK)).toEqual(uncached(cwd, CHECK));
  });

  test('an inventory too big to read back faster than parsing is not cached (no 40 MB JSON written)', () => {
    const { cwd, cache } = project();
    const title = 'A generated control with a long title '.repeat(6); // ~9.7 MB of YAML in all, over the 8 MB limit
    const controls = (f: number) =>
      Array.from({ length: 9000 }, (_, c) => `  - { id: G-${f}-${c}, title: ${title}${c}, criteria: [CC1.1] }`);
    for (let f = 0; f < 4; f++)
      writeFileSync(join(cwd, 'controls', `big-${f}.yaml`), `controls:\n${controls(f).join('\n')}\n`);
    const big = cached(cwd, cache, CHECK);
    expect(big.status).toBe(0);
    expect(cacheFiles(cache)).toEqual([]);
  });

  test('CI and SOC2_READY_CACHE=off never write a cache', () => {
    const { cwd, cache } = project();
    cached(cwd, cache, CHECK, { CI: 'true' });
    cached(cwd, cache, CHECK, { SOC2_READY_CACHE: 'off' });
    expect(cacheFiles(cache)).toEqual([]);
  });

  test('report uses it too, and shares the one cache file of the controls folder with check', () => {
    const { cwd, cache } = project();
    writeFileSync(join(cwd, 'answers.yaml'), 'version: 1\nscope: [security]\ncontrols: controls\nanswers: {}\n');
    const report = ['report', '--answers', 'answers.yaml', '--format', 'json'];
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const first = cached(cwd, cache, report, env);
    expect(first.status).toBe(0);
    expect(cacheFiles(cache)).toHaveLength(1);
    expect(cached(cwd, cache, report, env)).toEqual(first);
    cached(cwd, cache, CHECK);
    expect(cacheFiles(cache)).toHaveLength(1);
  });
});

describe('where the cache lives', () => {
  test.each([
    [{ CI: 'true', SOC2_READY_CACHE_DIR: '/c' }, undefined],
    [{ CI: '1' }, undefined],
    [{ SOC2_READY_CACHE: 'off', SOC2_READY_CACHE_DIR: '/c' }, undefined],
    [{ SOC2_READY_CACHE: '0' }, undefined],
    [{ CI: 'false', SOC2_READY_CACHE_DIR: '/c' }, '/c'],
    [{ SOC2_READY_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }, '/c'],
    [{ XDG_CACHE_HOME: '/x' }, '/x/soc2-ready'],
  ])('%j → %s', (env, expected) => {
    expect(cacheDirectory(env)).toBe(expected);
  });
});
