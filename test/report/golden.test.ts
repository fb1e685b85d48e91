/**
 * Golden files: every example's committed report.md, report.html and report.json must be exactly
 * what the built CLI renders today with the examples' fixed clock. Plus the JSON machine contract.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const examplesDir = join(repoRoot, 'examples');
const exampleNames = readdirSync(examplesDir)
  .filter((name) => existsSync(join(examplesDir, name, 'answers.yaml')))
  .sort();

/** The clock the committed examples were rendered with; read from the script (importing it would run it). */
const EXAMPLES_EPOCH = /export const EXAMPLES_EPOCH = '(\d+)'/.exec(
  readFileSync(join(repoRoot, 'scripts/build-examples.js'), 'utf8'),
)?.[1];
const FORMATS = ['md', 'html', 'json'] as const;

/** The 61 criteria of TSP section 100 (2017 TSC, revised points of focus 2022), in AICPA order. */
const AICPA_ORDER = [
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
  'A1.1',
  'A1.2',
  'A1.3',
  'C1.1',
  'C1.2',
  'PI1.1',
  'PI1.2',
  'PI1.3',
  'PI1.4',
  'PI1.5',
  'P1.1',
  'P2.1',
  'P3.1',
  'P3.2',
  'P4.1',
  'P4.2',
  'P4.3',
  'P5.1',
  'P5.2',
  'P6.1',
  'P6.2',
  'P6.3',
  'P6.4',
  'P6.5',
  'P6.6',
  'P6.7',
  'P7.1',
  'P8.1',
];
const CATEGORY_OF_PREFIX: Record<string, string> = {
  CC: 'security',
  A: 'availability',
  C: 'confidentiality',
  PI: 'processing-integrity',
  P: 'privacy',
};
const CATEGORY_ORDER = ['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy'];
const STATUSES = ['ready', 'partial', 'gap', 'unmapped', 'not-applicable', 'excluded', 'out-of-scope'];

const packageVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string })
  .version;

/** Fails with a pointer to the first differing line and the command that regenerates the golden files. */
function expectSameBytes(actual: Buffer, committed: Buffer, label: string): void {
  if (actual.equals(committed)) return;
  const a = actual.toString('utf8').split('\n');
  const c = committed.toString('utf8').split('\n');
  let line = 0;
  while (line < Math.max(a.length, c.length) && a[line] === c[line]) line++;
  throw new Error(
    `${label} is not what the CLI renders now (first difference at line ${line + 1}).\n` +
      `  committed: ${JSON.stringify(c[line]?.slice(0, 200))}\n` +
      `  rendered:  ${JSON.stringify(a[line]?.slice(0, 200))}\n` +
      'If the change is intended, rebuild and regenerate the examples: npx tsc -p tsconfig.build.json && npm run examples',
  );
}

type Cap = { control: string; status: string; score: number | null };
interface ReportJson {
  version: number;
  tool: { name: string; version: string };
  generatedAt: string;
  organization: string | null;
  answersFile: string;
  scope: string[];
  thresholds: { ready: number; partial: number };
  overall: { score: number | null; status: string; cappedBy: string[] };
  categories: { id: string; name: string; inScope: boolean; score: number | null; status: string }[];
  criteriaAtRisk: { id: string; status: string; score: number | null; cappedBy: Cap | null; drivers: string[] }[];
  criteria: {
    id: string;
    category: string;
    series: string;
    inScope: boolean;
    status: string;
    score: number | null;
    controls: string[];
    cappedBy: Cap | null;
  }[];
  gaps: { control: string; score: number; status: string; weight: number; key: boolean; criteria: string[] }[];
  notSure: { question: string; control: string; value: string | null; note: string | null }[];
  unanswered: { question: string; control: string; value: string | null }[];
  excluded: { criterion: string; reason: string }[];
}

const readJson = (name: string) =>
  JSON.parse(readFileSync(join(examplesDir, name, 'report.json'), 'utf8')) as ReportJson;
const readConfig = (name: string) =>
  parseYaml(readFileSync(join(examplesDir, name, 'soc2-ready.yaml'), 'utf8')) as {
    scope?: string[];
    exclusions?: { criterion: string; reason: string }[];
  };
const readAnswers = (name: string) =>
  parseYaml(readFileSync(join(examplesDir, name, 'answers.yaml'), 'utf8')) as {
    organization?: string;
    answers: Record<string, { value: string }>;
  };

test('the golden-file clock is readable from scripts/build-examples.js', () => {
  expect(EXAMPLES_EPOCH).toBe('1795000000');
});

test('at least three example organizations are rendered as golden files', () => {
  expect(exampleNames.length).toBeGreaterThanOrEqual(3);
  expect(exampleNames).toEqual(expect.arrayContaining(['early-stage-saas', 'health-privacy', 'mature-saas']));
  for (const name of exampleNames)
    for (const ext of FORMATS) expect(existsSync(join(examplesDir, name, `report.${ext}`))).toBe(true);
});

describe.each(exampleNames)('examples/%s: golden files', (name) => {
  const dir = join(examplesDir, name);
  let tmp: string;
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), `soc2-golden-${name}-`));
    run = runCli(
      ['report', '-o', join(tmp, 'report.md'), '-o', join(tmp, 'report.html'), '-o', join(tmp, 'report.json')],
      { cwd: dir, env: { SOURCE_DATE_EPOCH: EXAMPLES_EPOCH } },
    );
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('the CLI renders all three formats and exits 0', () => {
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
    expect(
      run.stderr
        .trim()
        .split('\n')
        .map((l) => l.replace(/ to .*$/, '')),
    ).toEqual(['Wrote md report', 'Wrote html report', 'Wrote json report']);
  });

  test.each(FORMATS)('report.%s is byte-identical to the committed file', (ext) => {
    expectSameBytes(
      readFileSync(join(tmp, `report.${ext}`)),
      readFileSync(join(dir, `report.${ext}`)),
      `examples/${name}/report.${ext}`,
    );
  });
});

describe.each(exampleNames)('examples/%s: report.json contract', (name) => {
  const json = readJson(name);
  const config = readConfig(name);
  const answers = readAnswers(name);
  const inScope = new Set(['security', ...(config.scope ?? [])]);

  test('top-level keys, tool, clock and source', () => {
    expect(Object.keys(json)).toEqual([
      'version',
      'tool',
      'generatedAt',
      'organization',
      'answersFile',
      'controls',
      'scope',
      'thresholds',
      'overall',
      'categories',
      'criteriaAtRisk',
      'criteria',
      'gaps',
      'notSure',
      'unanswered',
      'notApplicable',
      'invalidAnswers',
      'excluded',
      'staleAnswers',
      'system',
      'scoping',
      'subservice',
      'cuecs',
      'engagement',
    ]);
    expect(json.version).toBe(2);
    expect(json.tool).toEqual({ name: 'soc2-ready', version: packageVersion });
    expect(json.tool.version).toMatch(/^\d+\.\d+\.\d+/);
    // SOURCE_DATE_EPOCH 1795000000 is 2026-11-18T11:06:40Z (the "07:06:40Z" in the script's comment is wrong).
    expect(json.generatedAt).toBe('2026-11-18T11:06:40.000Z');
    expect(json.generatedAt).toBe(new Date(Number(EXAMPLES_EPOCH) * 1000).toISOString());
    expect(json.organization).toBe(answers.organization);
    expect(json.answersFile).toBe('answers.yaml');
    expect(json.scope).toEqual(CATEGORY_ORDER.filter((c) => inScope.has(c)));
  });

  test('overall: an integer score from 0 to 100 and a status that is ready only when every criterion is', () => {
    expect(Object.keys(json.overall)).toEqual(['score', 'status', 'cappedBy']);
    expect(Number.isInteger(json.overall.score)).toBe(true);
    expect(json.overall.score).toBeGreaterThanOrEqual(0);
    expect(json.overall.score).toBeLessThanOrEqual(100);
    const { ready, partial } = json.thresholds;
    const band = json.overall.score! >= ready ? 'ready' : json.overall.score! >= partial ? 'partial' : 'gap';
    const below = json.criteria.filter((c) => c.inScope && ['partial', 'gap', 'unmapped'].includes(c.status));
    const capped = band === 'ready' && below.length > 0;
    expect(json.overall.status).toBe(capped ? 'partial' : band);
    expect(json.overall.cappedBy).toEqual(capped ? below.map((c) => c.id) : []);
    expect(json.criteriaAtRisk.map((c) => c.id).sort()).toEqual(below.map((c) => c.id).sort());
  });

  test('categories: the five TSC categories; out-of-scope ones have inScope false and score null', () => {
    expect(json.categories.map((c) => c.id)).toEqual(CATEGORY_ORDER);
    for (const c of json.categories) {
      expect(Object.keys(c)).toEqual(['id', 'name', 'inScope', 'score', 'status', 'cappedBy']);
      expect(c.inScope).toBe(inScope.has(c.id));
      if (!c.inScope) {
        expect(c.score).toBeNull();
        expect(c.status).toBe('out-of-scope');
      } else {
        expect(Number.isInteger(c.score)).toBe(true);
        expect(c.score).toBeGreaterThanOrEqual(0);
        expect(c.score).toBeLessThanOrEqual(100);
        expect(['ready', 'partial', 'gap']).toContain(c.status);
      }
    }
  });

  test('criteria: all 61 in AICPA order with category, scope, status, score and controls', () => {
    expect(json.criteria).toHaveLength(61);
    expect(json.criteria.map((c) => c.id)).toEqual(AICPA_ORDER);
    const { ready, partial } = json.thresholds;
    const excluded = new Map((config.exclusions ?? []).map((e) => [e.criterion, e.reason]));
    for (const c of json.criteria) {
      expect(Object.keys(c)).toEqual([
        'id',
        'category',
        'series',
        'inScope',
        'status',
        'score',
        'controls',
        'cappedBy',
      ]);
      expect(c.category).toBe(CATEGORY_OF_PREFIX[/^[A-Z]+/.exec(c.id)![0]]);
      expect(c.series.startsWith(c.id.split('.')[0]! + ' ')).toBe(true);
      expect(c.inScope).toBe(inScope.has(c.category));
      expect(STATUSES).toContain(c.status);
      expect(Array.isArray(c.controls) && c.controls.every((id) => typeof id === 'string')).toBe(true);
      if (!c.inScope) expect([c.status, c.score]).toEqual(['out-of-scope', null]);
      else if (excluded.has(c.id)) expect([c.status, c.score]).toEqual(['excluded', null]);
      else if (c.status === 'unmapped') expect([c.score, c.controls]).toEqual([0, []]);
      else if (c.status === 'not-applicable') expect(c.score).toBeNull();
      else {
        expect(Number.isInteger(c.score) && c.score! >= 0 && c.score! <= 100).toBe(true);
        const band = c.score! >= ready ? 'ready' : c.score! >= partial ? 'partial' : 'gap';
        // A key control can only lower the status, and says so.
        expect(c.status).toBe(c.cappedBy ? c.cappedBy.status : band);
        if (c.cappedBy) expect(c.status).not.toBe(band);
      }
    }
  });

  test('gaps, notSure, unanswered and excluded are consistent with the answers and the config', () => {
    const { ready } = json.thresholds;
    for (const g of json.gaps) {
      expect(g.score).toBeLessThan(ready);
      expect(['partial', 'gap']).toContain(g.status);
    }
    // Most urgent first: the worst criterion a gap holds back, key controls first, then weight, then readiness.
    const rank = new Map(
      json.criteria.map((c) => [c.id, { gap: 0, unmapped: 0, partial: 1 }[c.status as string] ?? 2]),
    );
    const order = json.gaps.map((g) => [
      Math.min(2, ...g.criteria.map((id) => rank.get(id)!)),
      g.key ? 0 : 1,
      -g.weight,
      g.score!,
    ]);
    const sorted = [...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]! || a[3]! - b[3]!);
    expect(order).toEqual(sorted);
    const notSureAnswers = Object.entries(answers.answers)
      .filter(([, a]) => a.value === 'not-sure')
      .map(([id]) => id);
    expect(json.notSure.map((q) => q.question).sort()).toEqual(notSureAnswers.sort());
    for (const q of json.notSure) expect([q.value, q.question.startsWith(`${q.control}.`)]).toEqual(['not-sure', true]);
    for (const q of json.unanswered) {
      expect(q.value).toBeNull();
      expect(answers.answers[q.question]).toBeUndefined();
    }
    expect(json.excluded).toEqual((config.exclusions ?? []).map((e) => ({ criterion: e.criterion, reason: e.reason })));
    const md = readFileSync(join(examplesDir, name, 'report.md'), 'utf8');
    const n = (count: number, one: string) => `${count} ${count === 1 ? one : `${one}s`}`;
    expect(md).toContain(
      `${json.gaps.length} below ready, ${n(json.notSure.length, 'answer')} "Not sure", ${n(json.unanswered.length, 'question')} unanswered.`,
    );
  });
});

describe('examples/mature-saas: scope', () => {
  const json = readJson('mature-saas');

  test('nothing is excluded: the cloud provider is a subservice carve-out, so CC6.4 stays in scope', () => {
    expect(json.excluded).toEqual([]);
    expect(json.criteria.find((c) => c.id === 'CC6.4')).toMatchObject({
      category: 'security',
      inScope: true,
      status: 'ready',
    });
    expect(json.criteria.filter((c) => c.status === 'excluded')).toEqual([]);
  });

  test('processing integrity and privacy are out of scope: inScope false, score null', () => {
    expect(json.categories.filter((c) => !c.inScope)).toEqual([
      {
        id: 'processing-integrity',
        name: 'Processing Integrity',
        inScope: false,
        score: null,
        status: 'out-of-scope',
        cappedBy: [],
      },
      { id: 'privacy', name: 'Privacy', inScope: false, score: null, status: 'out-of-scope', cappedBy: [] },
    ]);
    expect(json.criteria.filter((c) => !c.inScope).map((c) => c.id)).toEqual(
      AICPA_ORDER.filter((id) => id.startsWith('PI') || /^P\d/.test(id)),
    );
  });
});
