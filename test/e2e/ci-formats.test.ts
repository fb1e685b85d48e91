import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { sarifErrors, validateJUnit } from '../helpers/schemas.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-ci-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'ci-broken'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNKNOWN = { file: 'controls/a.yaml', line: 6, column: 111 };
const YAML_ERROR = { file: 'controls/b.yaml', line: 4, column: 1 };

/** Attributes of every <tag …> start tag in document order. */
function tags(xml: string, tag: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\b([^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

describe('check on a broken inventory (unknown id, YAML error, unmapped criteria) in every CI format', () => {
  test('JUnit and SARIF files in one run; both valid; exit 1; nothing else on stdout', async () => {
    const r = runCli(
      [
        'check',
        '--controls',
        'controls',
        '--format',
        'junit',
        '-o',
        'check.xml',
        '--format',
        'sarif',
        '-o',
        'check.sarif',
      ],
      { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } },
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');

    const xml = readFileSync(join(dir, 'check.xml'), 'utf8');
    expect((await validateJUnit(xml)).errors).toEqual([]);
    const failing = [...xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*>\s*<failure/g)].map((m) => m[1]);
    expect(failing).toEqual([
      'CC7.1 Detecting configuration changes and newly found vulnerabilities',
      'CC9.2 Assessing and managing risk from vendors and business partners',
    ]);
    expect(tags(xml, 'error').map((e) => e.type)).toEqual(['unknown-criterion', 'yaml-syntax']);
    expect(
      tags(xml, 'testcase')
        .filter((t) => t.classname?.startsWith('controls/'))
        .map((t) => t.name),
    ).toEqual(['controls/a.yaml:6:111 unknown-criterion', 'controls/b.yaml:4:1 yaml-syntax']);
    expect(tags(xml, 'testsuites')[0]).toMatchObject({
      tests: '63',
      failures: '2',
      errors: '2',
      skipped: '28',
      timestamp: '2026-11-18T11:06:40',
    });

    const sarif = JSON.parse(readFileSync(join(dir, 'check.sarif'), 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    const results = sarif.runs[0].results.map(
      (x: {
        ruleId: string;
        level: string;
        locations?: {
          physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number; startColumn: number } };
        }[];
      }) => {
        const loc = x.locations?.[0]?.physicalLocation;
        return [x.ruleId, x.level, loc?.artifactLocation.uri, loc?.region?.startLine, loc?.region?.startColumn];
      },
    );
    expect(results).toEqual([
      ['unknown-criterion', 'error', UNKNOWN.file, UNKNOWN.line, UNKNOWN.column],
      ['yaml-syntax', 'error', YAML_ERROR.file, YAML_ERROR.line, YAML_ERROR.column],
      ['TSC/CC7.1', 'error', 'controls', undefined, undefined],
      ['TSC/CC9.2', 'error', 'controls', undefined, undefined],
    ]);
    const fingerprints = sarif.runs[0].results.map(
      (x: { partialFingerprints: Record<string, string> }) => Object.values(x.partialFingerprints)[0],
    );
    expect(new Set(fingerprints).size).toBe(4);
  });

  test('the same run again gives byte-identical files (stable ids and fingerprints)', () => {
    const args = ['check', '--controls', 'controls', '-o', 'again.sarif', '--format', 'junit', '-o', 'again.xml'];
    runCli(args, { cwd: dir, env: { SOURCE_DATE_EPOCH: '1795000000' } });
    expect(readFileSync(join(dir, 'again.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'check.sarif'), 'utf8'));
    expect(readFileSync(join(dir, 'again.xml'), 'utf8')).toBe(readFileSync(join(dir, 'check.xml'), 'utf8'));
  });

  test('inside GitHub Actions: annotations on stderr with positions, the job summary appended, stdout untouched', () => {
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = runCli(['check', '--controls', 'controls', '--format', 'json'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).unmapped).toEqual(['CC7.1', 'CC9.2']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      '::error file=controls/a.yaml,line=6,col=111,title=unknown-criterion::Control "A-04" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.1" or "CC9.2"?',
      '::error file=controls/b.yaml,line=4,col=1,title=yaml-syntax::Flow sequence in block collection must be sufficiently indented and end with a ].',
      '::error file=controls,title=CC7.1 unmapped::No control maps to CC7.1.%0AMap a control to CC7.1, or exclude it in soc2-ready.yaml with a reason.',
      '::error file=controls,title=CC9.2 unmapped::No control maps to CC9.2.%0AMap a control to CC9.2, or exclude it in soc2-ready.yaml with a reason.',
    ]);
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n## soc2-ready check')).toBe(true);
    expect(written).toContain(
      '| CC7.1 Detecting configuration changes and newly found vulnerabilities | Security | unmapped | No control maps to CC7.1.',
    );
    expect(written).toContain('| controls/a.yaml:6:111 | error | unknown-criterion |');
  });

  test('--format github prints the annotations on stdout instead', () => {
    const r = runCli(['check', '--controls', 'controls', '--format', 'github'], { cwd: dir });
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(4);
  });

  test('a clean inventory gives valid JUnit with no failures and exit 0', async () => {
    const r = runCli(['check', '--scope', 'all', '--format', 'junit']);
    expect(r.status).toBe(0);
    expect((await validateJUnit(r.stdout)).errors).toEqual([]);
    expect(tags(r.stdout, 'testsuites')[0]).toMatchObject({ tests: '61', failures: '0', errors: '0', skipped: '0' });
  });
});

describe('report in CI formats, with the readiness gate', () => {
  const example = join(repoRoot, 'examples', 'mature-saas');

  test('JUnit: a failure for every in-scope criterion below ready, skipped for excluded and out-of-scope', async () => {
    const r = runCli(['report', '--format', 'junit'], { cwd: example });
    const json = JSON.parse(runCli(['report', '--format', 'json'], { cwd: example }).stdout);
    expect((await validateJUnit(r.stdout)).errors).toEqual([]);
    const notReady = json.criteria
      .filter(
        (c: { inScope: boolean; status: string }) => c.inScope && ['partial', 'gap', 'unmapped'].includes(c.status),
      )
      .map((c: { id: string }) => c.id);
    const failing = [...r.stdout.matchAll(/<testcase [^>]*name="(\S+) [^"]*"[^>]*>\s*<failure/g)].map((m) => m[1]);
    expect(failing).toEqual(notReady);
    expect(failing.length).toBeGreaterThan(0);
    // The cloud provider is a carve-out: CC6.4 stays in scope and is a scored test case, not skipped.
    expect(r.stdout).toMatch(/name="CC6\.4 [^"]*" time="0"\/>/);
    expect(r.stdout).toMatch(/name="PI1\.1 [^"]*"[^>]*>\s*<skipped message="Out of scope\."/);
  });

  test('JUnit: an excluded criterion is skipped with its reason', () => {
    const copy = mkdtempSync(join(tmpdir(), 'soc2-ci-excluded-'));
    try {
      cpSync(example, copy, { recursive: true });
      const config = readFileSync(join(copy, 'soc2-ready.yaml'), 'utf8');
      writeFileSync(
        join(copy, 'soc2-ready.yaml'),
        `${config}exclusions:\n  - criterion: C1.2\n    reason: No customer data is ever disposed of by us.\n`,
      );
      const r = runCli(['report', '--format', 'junit'], { cwd: copy });
      expect(r.stdout).toMatch(
        /name="C1\.2 [^"]*"[^>]*>\s*<skipped message="Excluded: No customer data is ever disposed of by us\."/,
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('SARIF from report validates and points failures at the answers file', () => {
    const sarif = JSON.parse(runCli(['report', '--format', 'sarif'], { cwd: example }).stdout);
    expect(sarifErrors(sarif)).toEqual([]);
    const uris = new Set(
      sarif.runs[0].results.map(
        (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
          x.locations[0]!.physicalLocation.artifactLocation.uri,
      ),
    );
    expect([...uris]).toEqual(['answers.yaml']);
  });

  test.each([
    [['--fail-under', '80'], 0, ''],
    [['--fail-under', '90'], 1, 'soc2-ready: overall readiness 84% is below --fail-under 90%.'],
    [['--fail-under', '84'], 0, ''],
    [['--fail-under', '85%'], 1, 'soc2-ready: overall readiness 84% is below --fail-under 85%.'],
    [['--fail-under', 'high'], 2, 'soc2-ready: --fail-under must be a percentage from 0 to 100 (got "high").'],
    [['--fail-under', '101'], 2, 'soc2-ready: --fail-under must be a percentage from 0 to 100 (got "101").'],
  ])('report %j exits %i', (args, code, message) => {
    const r = runCli(['report', '--format', 'json', ...args], { cwd: example });
    expect(r.status).toBe(code);
    if (message) expect(r.stderr.split('\n')[0]).toBe(message);
    // 84 % but partial: twenty-two criteria are below ready (the first is CC1.1).
    if (code !== 2) expect(JSON.parse(r.stdout).overall).toMatchObject({ score: 84, status: 'partial' });
    if (code !== 2) expect(JSON.parse(r.stdout).overall.cappedBy).toHaveLength(22);
  });
});
