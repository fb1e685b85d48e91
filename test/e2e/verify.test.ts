/**
 * `verify` end to end on test/fixtures/verify: an answers file with good, stale, missing, changed and
 * not-found evidence (plus evidence for a control that does not exist), in every output format.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/run-cli.js';
import { sarifErrors, validateJUnit } from '../helpers/schemas.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-verify-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'verify'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' }; // 2026-11-18
const verify = (...args: string[]) =>
  runCli(['verify', '--answers', 'answers.yaml', ...args], { cwd: dir, env: EPOCH });
/** `file:line:col code` of every diagnostic line. */
const located = (text: string) =>
  text
    .split('\n')
    .filter((l) => /^\S+:\d+:\d+ {2}/.test(l))
    .map((l) =>
      l
        .split('  ')
        .filter((p) => p !== 'error' && p !== 'warning')
        .slice(0, 2)
        .join(' '),
    );

const MISSING_K03 = 'answers.yaml:14:3 evidence-missing';
const STALE_K02 = 'answers.yaml:37:18 evidence-stale';
const CHANGED_K04 = 'answers.yaml:41:15 evidence-changed';
const NOT_FOUND_N02 = 'answers.yaml:43:12 evidence-not-found';
const UNKNOWN_GHOST = 'answers.yaml:45:3 unknown-control';

describe('verify in text', () => {
  test('each problem at its line and column, a verdict, exit 1', () => {
    const r = verify();
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(located(r.stdout)).toEqual([MISSING_K03, STALE_K02, CHANGED_K04, NOT_FOUND_N02, UNKNOWN_GHOST]);
    expect(r.stdout).toContain(
      'answers.yaml:37:18  error  evidence-stale  Evidence of K-02 (monthly) was last collected 2026-08-15: older than a month plus 14 days at 2026-11-18. Collect current evidence and record it with its date.\n',
    );
    expect(r.stdout).toContain(
      `answers.yaml:41:15  error  evidence-changed  Evidence "evidence/change-approvals.txt" of K-04 has changed since it was recorded (SHA-256 differs). If the change is intended, record the new hash: sha256: 7815c23be0ed91dfe3521b9cfe115644734225d520a1a50b343f978d98ac6dc7\n`,
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '✖ 5 errors, 0 warnings. (7 controls in scope, 7 references (3 files, 1 URL, 3 tickets) as of 2026-11-18; evidence required for key controls)',
    );
  });

  test('--as-of moves staleness: earlier clears K-02, later makes K-01 stale too', () => {
    expect(located(verify('--as-of', '2026-06-01').stdout)).toEqual([
      MISSING_K03,
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
    // K-01 (quarterly, collected 2026-10-02) is fresh until 2027-01-16; K-04 (2026-09-30) until 2027-01-13.
    expect(located(verify('--as-of', '2027-01-15').stdout)).toEqual([
      MISSING_K03,
      STALE_K02,
      'answers.yaml:40:18 evidence-stale',
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
    expect(located(verify('--as-of', '2027-01-17').stdout)).toEqual([
      MISSING_K03,
      'answers.yaml:29:18 evidence-stale',
      STALE_K02,
      'answers.yaml:40:18 evidence-stale',
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
  });

  test('--require-evidence all adds the non-key control; none drops every evidence-missing', () => {
    expect(located(verify('--require-evidence', 'all').stdout)).toEqual([
      MISSING_K03,
      'answers.yaml:20:3 evidence-missing',
      STALE_K02,
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
    expect(located(verify('--require-evidence', 'none').stdout)).toEqual([
      STALE_K02,
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
  });

  test('a Type II window that has started: a monthly control with no evidence inside it', () => {
    const r = verify('--config', 'type2.yaml');
    expect(located(r.stdout)).toEqual([
      MISSING_K03,
      STALE_K02,
      'answers.yaml:37:18 evidence-outside-window',
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
    expect(r.stdout).toContain(
      'No evidence of K-02 (monthly) is dated inside the observation window 2026-09-01 to 2027-02-28.',
    );
    // Before the window starts nothing is outside it.
    expect(located(verify('--config', 'type2.yaml', '--as-of', '2026-08-20').stdout)).not.toContain(
      'answers.yaml:37:18 evidence-outside-window',
    );
  });
});

describe('verify in the CI formats', () => {
  test('json: the same problems with positions, ok false', () => {
    const json = JSON.parse(verify('--format', 'json').stdout);
    expect(json).toMatchObject({
      ok: false,
      answersFile: 'answers.yaml',
      asOf: '2026-11-18',
      requireEvidence: 'key',
      controls: 7,
      references: { file: 3, url: 1, ticket: 3 },
    });
    expect(
      json.diagnostics.map(
        (d: { file: string; line: number; column: number; code: string }) =>
          `${d.file}:${d.line}:${d.column} ${d.code}`,
      ),
    ).toEqual([MISSING_K03, STALE_K02, CHANGED_K04, NOT_FOUND_N02, UNKNOWN_GHOST]);
  });

  test('junit and sarif files in one run, both valid', async () => {
    const r = verify('--format', 'junit', '-o', 'verify.xml', '--format', 'sarif', '-o', 'verify.sarif');
    expect([r.status, r.stdout]).toEqual([1, '']);
    const xml = readFileSync(join(dir, 'verify.xml'), 'utf8');
    expect((await validateJUnit(xml)).errors).toEqual([]);
    expect([...xml.matchAll(/<testcase [^>]*name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      MISSING_K03,
      STALE_K02,
      CHANGED_K04,
      NOT_FOUND_N02,
      UNKNOWN_GHOST,
    ]);
    expect(xml).toContain('<testsuite name="Evidence and answers"');
    const sarif = JSON.parse(readFileSync(join(dir, 'verify.sarif'), 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(
      sarif.runs[0].results.map(
        (x: {
          ruleId: string;
          locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[];
        }) =>
          `answers.yaml:${x.locations[0]!.physicalLocation.region.startLine}:${x.locations[0]!.physicalLocation.region.startColumn} ${x.ruleId}`,
      ),
    ).toEqual([MISSING_K03, STALE_K02, CHANGED_K04, NOT_FOUND_N02, UNKNOWN_GHOST]);
  });

  test('github: one annotation per problem; inside Actions also on stderr with a job summary', () => {
    const lines = verify('--format', 'github').stdout.trimEnd().split('\n');
    expect(
      lines.map((l) => /^::error file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::/.exec(l)!.slice(1).join(' ')),
    ).toEqual(
      [MISSING_K03, STALE_K02, CHANGED_K04, NOT_FOUND_N02, UNKNOWN_GHOST].map((s) =>
        s.replace(/:(\d+):(\d+) /, ' $1 $2 '),
      ),
    );
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '');
    const r = runCli(['verify', '--answers', 'answers.yaml'], {
      cwd: dir,
      env: { ...EPOCH, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(5);
    expect(readFileSync(summary, 'utf8')).toContain(
      '## soc2-ready verify\n\n**Failed:** 5 errors and 0 warnings in the evidence and answers.',
    );
  });
});

describe('verify: clean, content rules and usage errors', () => {
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const head = 'version: 1\nscope: [security]\ncontrols: controls\nanswers:\n';

  test('every claim backed: exit 0 and a green verdict', () => {
    const answers = readFileSync(join(dir, 'answers.yaml'), 'utf8');
    write(
      'clean.yaml',
      `${head}  K-01.in-place:\n    value: operating\n  K-03.in-place:\n    value: documented\n${answers.slice(answers.indexOf('evidence:'), answers.indexOf('  K-02:'))}`,
    );
    const r = runCli(['verify', '-a', 'clean.yaml'], { cwd: dir, env: EPOCH });
    expect([r.status, r.stdout]).toEqual([
      0,
      '✔ Every claim checked is backed by evidence. (7 controls in scope, 2 references (1 file, 1 URL, 0 tickets) as of 2026-11-18; evidence required for key controls)\n',
    ]);
  });

  test('answers that are not a choice (error) or not a question any more (warning)', () => {
    write('content.yaml', `${head}  K-01.in-place:\n    value: sometimes\n  OLD-01.q:\n    value: "yes"\n`);
    const r = runCli(['verify', '-a', 'content.yaml'], { cwd: dir, env: EPOCH });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'content.yaml:6:12  error  invalid-answer  The answer "sometimes" to K-01.in-place is not one of its choices. Answer it again with `soc2-ready assess --review --control K-01`.',
      'content.yaml:7:3  warning  stale-answer  OLD-01.q is not a question of the current controls; the answer is kept but not scored. Remove it, or restore the question.',
    ]);
  });

  test('an invalid answers file is reported in the chosen format, exit 1', () => {
    write(
      'broken.yaml',
      `${head.replace('answers:\n', 'answers: {}\n')}evidence:\n  K-01:\n    - { ref: a.txt, collected: 2026-13-01 }\n`,
    );
    const r = runCli(['verify', '-a', 'broken.yaml', '--format', 'json'], { cwd: dir, env: EPOCH });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(
      json.diagnostics.map((d: { line: number; column: number; code: string }) => `${d.line}:${d.column} ${d.code}`),
    ).toEqual(['7:32 schema']);
  });

  test.each([
    [['--as-of', '2026-02-30'], 'soc2-ready: --as-of must be a calendar date written YYYY-MM-DD (got "2026-02-30").\n'],
    [
      ['--require-evidence', 'some'],
      "error: option '--require-evidence <which>' argument 'some' is invalid. Allowed choices are key, all, none.\n",
    ],
    [['--answers', 'nope.yaml'], 'soc2-ready: Answers file "nope.yaml" does not exist.\n'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = runCli(['verify', ...args], { cwd: dir, env: EPOCH });
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});
