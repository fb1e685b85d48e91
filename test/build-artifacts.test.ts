/**
 * The build's start-up shortcuts give exactly what their slow paths give, on every shipped file and
 * example: the content snapshot vs parsing criteria/, the fast YAML reader vs yaml, the standalone
 * validators vs ajv compiling the schemas, the precompiled templates vs compiling them. The dist/
 * modules (tsc output, which npm test builds first) take the shortcuts; the src/ modules cannot.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readBuiltinCatalog, loadControlsDir } from '../src/project/load.js';
import { assessWorkspace, loadWorkspace, readQuestionnaire } from '../src/project/workspace.js';
import { builtinControlsDir } from '../src/runtime/paths.js';
import { shippedIndex, type BuiltinLibrary } from '../src/runtime/builtin-snapshot.js';
import { parseYamlSource, type PathSegment, type YamlSource } from '../src/yaml/source.js';
import * as slowSchema from '../src/yaml/schema.js';
import * as slowTemplates from '../src/report/handlebars.js';
import { toReportView } from '../src/report/view.js';
import { reportMetaOf } from '../src/report/meta.js';
import { toolInfo } from '../src/cli/version.js';
import { auditReadiness } from '../src/engagement/audit.js';
import { repoRoot, runCli } from './helpers/run-cli.js';

const dist = (path: string) => join(repoRoot, 'dist', path);
const fromDist = <T>(path: string): Promise<T> => import(pathToFileURL(dist(path)).href) as Promise<T>;
const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

/** Every YAML file the project ships or tests with: criteria/, examples/, test/fixtures/. */
function yamlFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) found.push(path);
    }
  };
  for (const dir of ['criteria', 'examples', 'test/fixtures']) walk(join(repoRoot, dir));
  return found;
}

/** Which schema a file is written against, by its place in the tree. */
function schemaOf(file: string): slowSchema.SchemaName | undefined {
  const rel = relative(repoRoot, file);
  if (rel === 'criteria/tsc-2017.yaml') return 'catalog';
  if (rel === 'criteria/questionnaire.yaml') return 'questionnaire';
  if (rel.endsWith('soc2-ready.yaml')) return 'config';
  if (rel.endsWith('answers.yaml')) return 'answers';
  if (rel.split('/').includes('controls')) return 'controls';
  return undefined;
}

/** Every leaf path of parsed data, to compare positions. */
function paths(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return [prefix, ...entries.flatMap(([k, v]) => paths(v, [...prefix, k]))];
}

const observed = (source: YamlSource) => ({
  data: source.data,
  diagnostics: source.diagnostics,
  positions: paths(source.data).map((p) => [p, source.locate(p), source.locate(p, { key: true })]),
});

const files = yamlFiles();
const texts = files.map((f) => ({ file: relative(repoRoot, f), text: readFileSync(f, 'utf8') }));

test('the tree holds the shipped content, examples and fixtures', () => {
  expect(files.length).toBeGreaterThanOrEqual(50);
});

test('the content snapshot equals a fresh parse of criteria/, and is current', () => {
  const part = (name: string) => JSON.parse(readFileSync(dist(`builtin-${name}.json`), 'utf8')) as unknown;
  const library = part('library') as BuiltinLibrary;
  const loaded = loadControlsDir(builtinControlsDir, builtinControlsDir);
  expect(loaded.diagnostics).toEqual([]);
  expect(part('index')).toEqual(shippedIndex(library.files));
  expect(library.files).toEqual(loaded.files.map((f) => relative(builtinControlsDir, f)));
  expect(part('catalog')).toEqual(json(readBuiltinCatalog()));
  expect(part('questionnaire')).toEqual(json(readQuestionnaire()));
  expect(library.controls).toEqual(json(loaded.controls));
});

describe('an init-ed project is read from the snapshot, file by file', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-init-copy-'));
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    return dir;
  };
  type Load = typeof import('../src/project/load.js');

  test('unchanged files give exactly what parsing them gives', async () => {
    const dir = copy();
    const fast = await fromDist<Load>('project/load.js');
    expect(json(fast.loadControlsDir('controls', dir))).toEqual(json(loadControlsDir('controls', dir)));
    rmSync(dir, { recursive: true, force: true });
  });

  test('the snapshot knows the files init wrote, and not an edited one', async () => {
    const dir = copy();
    const snapshot = await fromDist<typeof import('../src/runtime/builtin-snapshot.js')>('runtime/builtin-snapshot.js');
    const text = readFileSync(join(dir, 'controls', 'access.yaml'), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=./.schema/controls.schema.json\n')).toBe(true);
    expect(snapshot.knownControlFile(text, 'a.yaml')?.map((c) => c.location.file)).toEqual(
      loadControlsDir('controls', dir)
        .controls.filter((c) => c.location.file === 'controls/access.yaml')
        .map(() => 'a.yaml'),
    );
    expect(snapshot.knownControlFile(text.replace('weight: 3', 'weight: 2'), 'a.yaml')).toBeUndefined();
    expect(snapshot.knownControlFile(`# note\n${text}`, 'a.yaml')).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an edited file is parsed again, with exact positions', async () => {
    const dir = copy();
    const file = join(dir, 'controls', 'access.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/criteria: \[CC6\.1/, 'criteria: [CC6.1, CC6.99'));
    const fast = (await fromDist<Load>('project/load.js')).loadControlsDir('controls', dir);
    expect(json(fast)).toEqual(json(loadControlsDir('controls', dir)));
    expect(fast.controls.filter((c) => c.criteria.includes('CC6.99')).map((c) => c.location.file)).toEqual([
      'controls/access.yaml',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the fast YAML reader agrees with yaml (data, diagnostics and every position)', () => {
  test.each(texts)('$file', ({ file, text }) => {
    expect(observed(parseYamlSource(text, file, { fast: true }))).toEqual(observed(parseYamlSource(text, file)));
  });
});

describe('the standalone validators report what ajv compiling the schema reports', () => {
  test('they were built', () => {
    for (const name of ['catalog', 'controls', 'config', 'answers', 'questionnaire'])
      expect(existsSync(dist(`validators/${name}.cjs`))).toBe(true);
  });

  test.each(texts.filter((t) => schemaOf(t.file) !== undefined))('$file', async ({ file, text }) => {
    const fast = await fromDist<typeof slowSchema>('yaml/schema.js');
    const source = parseYamlSource(text, file);
    if (source.data === undefined) return expect(source.diagnostics.length).toBeGreaterThan(0);
    const name = schemaOf(file)!;
    expect(fast.schemaCheck(name, source)).toEqual(slowSchema.schemaCheck(name, source));
  });
});

test('the validators are compared on failing files too (the schema fixture has violations)', async () => {
  const fast = await fromDist<typeof slowSchema>('yaml/schema.js');
  const fixture = texts.find((t) => t.file.startsWith('test/fixtures/invalid/schema/'))!;
  expect(fast.schemaCheck('controls', parseYamlSource(fixture.text, fixture.file)).diagnostics.length).toBeGreaterThan(
    1,
  );
});

describe('the precompiled templates render what compiling the templates renders', () => {
  const examples = readdirSync(join(repoRoot, 'examples')).filter((d) =>
    existsSync(join(repoRoot, 'examples', d, 'answers.yaml')),
  );

  test('they are current (so the CLI uses them), one file per format with only the partials it reaches', async () => {
    for (const format of ['md', 'html'] as const) {
      const built = (await import(pathToFileURL(dist(`templates-${format}.cjs`)).href)) as {
        default: { hash: string; partials: Record<string, unknown> };
      };
      expect(built.default.hash).toBe(slowTemplates.templatesHash(slowTemplates.builtinSources(format, repoRoot)));
      expect(Object.keys(built.default.partials).sort()).toEqual(
        format === 'md'
          ? ['audit-md']
          : ['audit-html', 'brand', 'chart-timeline', 'charts-categories', 'charts-series', 'styles'],
      );
    }
  });

  test.each(examples.flatMap((e) => [[e, 'md'] as const, [e, 'html'] as const]))('%s %s', async (example, format) => {
    const fast = await fromDist<typeof slowTemplates>('report/handlebars.js');
    const cwd = join(repoRoot, 'examples', example);
    const now = '2026-11-22T10:00:00.000Z';
    const ws = loadWorkspace({ cwd, now, mustExist: true });
    const assessment = assessWorkspace(ws);
    const audit = auditReadiness(assessment, ws.config.engagement, ws.doc.operations, now);
    const view = toReportView(assessment, ws.catalog, { ...reportMetaOf(ws, now, await toolInfo()), audit });
    expect(fast.compileReport(format, undefined, cwd)(view)).toBe(
      slowTemplates.compileReport(format, undefined, cwd)(view),
    );
  });
});
