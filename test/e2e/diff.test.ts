// `diff` runs in-process through runDiff with a fake Io: the command is not registered in the CLI yet.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from 'markdownlint/promise';
import { parseDocument } from 'yaml';
import { runDiff, type DiffOptions } from '../../src/cli/commands/diff.js';
import { reportFailure } from '../../src/cli/failure.js';
import { fakeIo } from '../helpers/io.js';
import { UsageError } from '../../src/errors.js';
import { repoRoot } from '../helpers/run-cli.js';

let dir: string;

/** A copy of the example's answers with some answers changed (comments and order kept). */
function variant(name: string, changes: Record<string, string>): void {
  const doc = parseDocument(readFileSync(join(dir, 'answers.yaml'), 'utf8'));
  for (const [question, value] of Object.entries(changes)) {
    if (!doc.hasIn(['answers', question, 'value'])) throw new Error(`${question} is not answered in the example`);
    doc.setIn(['answers', question, 'value'], value);
  }
  writeFileSync(join(dir, name), doc.toString());
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-diff-'));
  cpSync(join(repoRoot, 'examples/mature-saas'), dir, { recursive: true });
  variant('after.yaml', {
    'ACC-03.workforce': 'none', // CC6.1: MFA for staff, best answer → worst
    'MON-01.retention': 'not-sure', // CC7.2: log retention, was "at least 12 months"
    'GOV-02.minutes': 'yes', // CC1.2, CC4.2: was "partly"
  });
  variant('improved.yaml', { 'GOV-02.minutes': 'yes' });
  cpSync(join(dir, 'report.json'), join(dir, 'report-json.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function diff(before: string, after: string, options: Partial<DiffOptions> = {}): Promise<Run> {
  const io = fakeIo(dir, { SOURCE_DATE_EPOCH: '1795000000' });
  try {
    const code = await runDiff({ format: [], output: [], ...options }, before, after, io);
    return { code, stdout: io.out(), stderr: io.err() };
  } catch (cause) {
    return { code: reportFailure(cause, io), stdout: io.out(), stderr: io.err() };
  }
}

const json = async (before: string, after: string) =>
  JSON.parse((await diff(before, after, { format: ['json'] })).stdout);

describe('soc2-ready diff (in-process)', () => {
  test('Markdown by default: only the document on stdout, exit 0 without --fail-on-regression', async () => {
    const r = await diff('answers.yaml', 'after.yaml');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('## SOC 2 readiness: 84% → 85% (+1 pts)');
    expect(r.stdout).toContain('| Security | 86% | 86% | = 0 |');
    expect(r.stdout).toContain(
      '- **CC6.1** (Security): Partial 88% → Gap 83% (-5 pts)\n- **CC6.6** (Security): Ready 97% → Gap 84% (-13 pts)\n',
    );
    expect(r.stdout).toContain('- `MON-01.retention` (MON-01): How long are security-relevant logs kept?');
    expect((await lint({ strings: { diff: r.stdout } })).toString()).toBe('');
  });

  test('--format json: exact regressions, gaps and "Not sure" changes', async () => {
    const d = await json('answers.yaml', 'after.yaml');
    expect(Object.keys(d)).toEqual([
      'before',
      'after',
      'regression',
      'overall',
      'categories',
      'regressed',
      'improved',
      'gapsClosed',
      'newGaps',
      'newNotSure',
      'resolvedNotSure',
      'scope',
    ]);
    expect(d.before).toEqual({
      answersFile: 'answers.yaml',
      generatedAt: '2026-11-18T11:06:40.000Z',
      organization: 'Northwind Analytics',
    });
    expect(d.regression).toBe(true);
    // Partial on both sides: criteria below ready cap the overall status (84 % and 85 % are not "ready").
    expect(d.overall).toEqual({ before: 84, after: 85, delta: 1, statusBefore: 'partial', statusAfter: 'partial' });
    expect(d.regressed).toEqual([
      {
        id: 'CC6.1',
        category: 'security',
        before: { status: 'partial', score: 88 },
        after: { status: 'gap', score: 83 },
        delta: -5,
      },
      {
        id: 'CC6.6',
        category: 'security',
        before: { status: 'ready', score: 97 },
        after: { status: 'gap', score: 84 },
        delta: -13,
      },
    ]);
    expect(d.improved.map((c: { id: string }) => c.id)).toEqual(['CC1.2', 'CC4.2']);
    // MON-01 was already a gap (its gate caps it), so only ACC-03 is new: its gate answer "none" makes it 0.
    expect(d.newGaps.map((g: { control: string }) => g.control)).toEqual(['ACC-03']);
    expect(d.newGaps.find((g: { control: string }) => g.control === 'ACC-03')).toMatchObject({
      control: 'ACC-03',
      status: 'gap',
      score: 0,
      weight: 3,
      owner: 'Security lead',
      criteria: ['CC6.1', 'CC6.6'],
    });
    expect(d.gapsClosed.map((g: { control: string }) => g.control)).toEqual(['GOV-02']);
    expect(d.newNotSure).toEqual([
      { question: 'MON-01.retention', control: 'MON-01', text: 'How long are security-relevant logs kept?' },
    ]);
    expect(d.resolvedNotSure).toEqual([]);
    expect(d.scope).toEqual({ added: [], removed: [], exclusionsAdded: [], exclusionsRemoved: [] });
    expect(d.categories.map((c: { id: string }) => c.id)).toEqual([
      'security',
      'availability',
      'confidentiality',
      'processing-integrity',
      'privacy',
    ]);
  });

  test('--fail-on-regression: exit 1 naming the regressed criteria; the document is still printed', async () => {
    const r = await diff('answers.yaml', 'after.yaml', { failOnRegression: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('soc2-ready: readiness regressed: criteria CC6.1, CC6.6.\n');
    expect(r.stdout).toMatch(/^## SOC 2 readiness/);
  });

  test('--fail-on-regression: exit 0 when readiness only improved', async () => {
    const r = await diff('answers.yaml', 'improved.yaml', { failOnRegression: true, format: ['json'] });
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.regression).toBe(false);
    expect(d.regressed).toEqual([]);
    expect(d.gapsClosed.map((g: { control: string }) => g.control)).toEqual(['GOV-02']);
    expect(d.newGaps).toEqual([]);
  });

  test('the same file on both sides: nothing changed, exit 0', async () => {
    const r = await diff('answers.yaml', 'answers.yaml', { failOnRegression: true });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      '## SOC 2 readiness: 84% → 84% (±0 pts)',
      '',
      '0 criteria regressed, 0 improved, 0 new gaps, 0 closed, 0 new "Not sure".',
    ]);
  });

  test('a `report --format json` output scores the same as its answers file (by extension or by content)', async () => {
    const fromAnswers = await json('answers.yaml', 'after.yaml');
    const pick = (d: Record<string, unknown>) => ({ ...d, before: undefined });
    expect(pick(await json('report.json', 'after.yaml'))).toEqual(pick(fromAnswers));
    expect(pick(await json('report-json.txt', 'after.yaml'))).toEqual(pick(fromAnswers));
  });

  test('-o writes the document atomically; stdout stays empty', async () => {
    const r = await diff('answers.yaml', 'after.yaml', { output: ['out/../soc2-diff.md'] });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Wrote md diff to soc2-diff.md\n');
    expect(readFileSync(join(dir, 'soc2-diff.md'), 'utf8')).toBe((await diff('answers.yaml', 'after.yaml')).stdout);
  });

  test.each([
    [['missing.yaml', 'after.yaml', {}], 2, 'soc2-ready: File "missing.yaml" does not exist.'],
    [['answers.yaml', 'after.yaml', { format: ['html'] }], 2, 'soc2-ready: Unknown format "html".'],
    [['soc2-ready.yaml', 'after.yaml', {}], 1, 'soc2-ready: Answers file "soc2-ready.yaml" is not valid'],
  ] as const)(
    'bad input: %j exits %i with a clear message and nothing on stdout',
    async ([before, after, options], code, message) => {
      const r = await diff(before, after, options as Partial<DiffOptions>);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
    },
  );

  test('a JSON file that is not a report is a usage mistake (exit 2)', async () => {
    writeFileSync(join(dir, 'other.json'), '{"ok": true}\n');
    await expect(diff('other.json', 'after.yaml')).resolves.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is not a `soc2-ready report --format json` output'),
    });
    await expect(runDiff({ format: [], output: [] }, 'nope.json', 'after.yaml', fakeIo(dir))).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});
