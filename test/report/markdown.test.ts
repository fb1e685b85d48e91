/**
 * The Markdown report: lint-clean, and every table survives a real Markdown renderer with the rows
 * and columns it was written with, even when answers contain pipes, newlines and HTML.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/promise';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const examplesDir = join(repoRoot, 'examples');
const exampleNames = readdirSync(examplesDir)
  .filter((name) => existsSync(join(examplesDir, name, 'answers.yaml')))
  .sort();
const EXAMPLES_EPOCH = /export const EXAMPLES_EPOCH = '(\d+)'/.exec(
  readFileSync(join(repoRoot, 'scripts/build-examples.js'), 'utf8'),
)![1]!;

/**
 * markdownlint's default config, with one rule off:
 * MD013 (line length 80) — table rows cannot be wrapped in GFM, and verdicts, remediation steps and
 * answer texts are data-driven sentences; wrapping them would put hard line breaks into user text.
 */
const LINT_CONFIG = { default: true, MD013: false };

/**
 * Raw HTML on: many Markdown viewers pass HTML through, so the report itself must make HTML in answers
 * inert (the `md`/`cell` helpers escape it); markdown-it's own html:false default would hide a bug.
 */
const markdown = new MarkdownIt({ html: true });

/** Cells of a GFM table row: split on unescaped pipes (a backslash escapes the next character). */
function splitRow(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const ch = row[i]!;
    if (ch === '\\' && i + 1 < row.length) {
      current += ch + row[i + 1];
      i++;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') cells.push(current);
  return cells;
}

const isDelimiterRow = (line: string | undefined) => line !== undefined && /^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line);

interface SourceTable {
  line: number;
  columns: number;
  rows: string[][];
}

/** Tables in Markdown source: a `|` header row, a delimiter row, then body rows up to a blank line. */
function sourceTables(src: string): SourceTable[] {
  const lines = src.split('\n');
  const tables: SourceTable[] = [];
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    if (/^(```|~~~)/.test(lines[i]!)) fenced = !fenced;
    if (fenced || !lines[i]!.startsWith('|') || !isDelimiterRow(lines[i + 1])) continue;
    const rows = [splitRow(lines[i]!)];
    let j = i + 2;
    while (j < lines.length && lines[j]!.trim() !== '') rows.push(splitRow(lines[j++]!));
    tables.push({ line: i + 1, columns: splitRow(lines[i + 1]!).length, rows });
    i = j;
  }
  return tables;
}

const decode = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** Tables in rendered HTML, as rows of cell texts. */
function renderedTables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd](?:\s[^>]*)?>([\s\S]*?)<\/t[hd]>/g)].map((c) => decode(c[1]!)),
    ),
  );
}

/** Every table of `src` renders with the same number of rows, and each row with the same number of cells. */
function expectTablesIntact(src: string): { source: SourceTable[]; rendered: string[][][] } {
  const source = sourceTables(src);
  const html = markdown.render(src);
  const rendered = renderedTables(html);
  expect(source.length).toBeGreaterThan(0);
  expect(rendered.length).toBe(source.length);
  expect((html.match(/<tr>/g) ?? []).length).toBe(source.reduce((n, t) => n + t.rows.length, 0));
  source.forEach((table, t) => {
    const where = `table at line ${table.line}`;
    expect([where, rendered[t]!.length]).toEqual([where, table.rows.length]);
    table.rows.forEach((row, r) => {
      expect([where, r, row.length]).toEqual([where, r, table.columns]);
      expect([where, r, rendered[t]![r]!.length]).toEqual([where, r, table.columns]);
    });
  });
  return { source, rendered };
}

test('at least three examples have a Markdown report', () => {
  expect(exampleNames.length).toBeGreaterThanOrEqual(3);
});

describe.each(exampleNames)('examples/%s/report.md', (name) => {
  const src = readFileSync(join(examplesDir, name, 'report.md'), 'utf8');

  test('has no markdownlint issues', async () => {
    const result = await lint({ strings: { [name]: src }, config: LINT_CONFIG });
    expect(
      result[name]!.map(
        (i) =>
          `${i.lineNumber}: ${i.ruleNames.join('/')} ${i.ruleDescription}${i.errorDetail ? ` (${i.errorDetail})` : ''}`,
      ),
    ).toEqual([]);
  });

  test('every table keeps its rows and columns when rendered by markdown-it', () => {
    const { source, rendered } = expectTablesIntact(src);
    // The criteria tables list all 61 criteria, each in one row of five cells.
    const criteriaRows = rendered
      .filter((t) => t[0]!.join('|') === 'Criterion|Title|Status|Readiness|Controls')
      .flatMap((t) => t.slice(1));
    expect(criteriaRows).toHaveLength(61);
    expect(rendered[0]![0]).toEqual(['Category', 'In scope', 'Readiness', 'Status']);
    expect(rendered[0]!.slice(1).map((r) => r[0])).toEqual([
      'Security',
      'Availability',
      'Confidentiality',
      'Processing Integrity',
      'Privacy',
    ]);
    expect(source[0]!.columns).toBe(4);
  });

  test('renders to HTML without any raw HTML element', () => {
    const html = markdown.render(src);
    const tags = new Set([...html.matchAll(/<([a-z][a-z0-9]*)\b/gi)].map((m) => m[1]!.toLowerCase()));
    expect(
      [...tags].filter(
        (t) =>
          ![
            'h1',
            'h2',
            'h3',
            'p',
            'blockquote',
            'strong',
            'em',
            'code',
            'ul',
            'ol',
            'li',
            'table',
            'thead',
            'tbody',
            'tr',
            'th',
            'td',
            'a',
          ].includes(t),
      ),
    ).toEqual([]);
  });
});

describe('answers with pipes, newlines, backslashes and HTML (spawned CLI on a copy of mature-saas)', () => {
  const NOTE = 'a | b\n  second line <script>alert(1)</script>';
  const NOTE_TEXT = 'a | b second line <script>alert(1)</script>';
  const NOTE2 = 'path C:\\temp\\ | next \\| done & <b>bold</b>';
  const REASON = 'No office | no visitors\r\n<script>alert(2)</script>';
  const REASON_TEXT = 'No office | no visitors <script>alert(2)</script>';
  let dir: string;
  let src: string;
  let html: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'soc2-md-safety-'));
    for (const file of ['soc2-ready.yaml', 'answers.yaml'])
      copyFileSync(join(examplesDir, 'mature-saas', file), join(dir, file));
    const doc = parseYaml(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
      answers: Record<string, { value: string; note?: string; reason?: string }>;
    };
    expect(doc.answers['BCP-05.test']!.value).toBe('not-sure');
    doc.answers['BCP-05.test']!.note = NOTE;
    doc.answers['GOV-01.code'] = { value: 'not-sure', note: NOTE2 };
    expect(doc.answers['PHY-02.log']!.value).toBe('not-applicable');
    doc.answers['PHY-02.log']!.reason = REASON;
    writeFileSync(join(dir, 'answers.yaml'), stringifyYaml(doc));
    const run = runCli(['report', '-o', 'report.md'], { cwd: dir, env: { SOURCE_DATE_EPOCH: EXAMPLES_EPOCH } });
    expect(run.stderr).toBe('Wrote md report to report.md\n');
    expect(run.status).toBe(0);
    src = readFileSync(join(dir, 'report.md'), 'utf8');
    html = markdown.render(src);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the "Not sure" and "Not applicable" tables stay intact and each note or reason stays in its own cell', () => {
    const { rendered } = expectTablesIntact(src);
    const notSure = rendered.find((t) => t[0]!.join('|') === 'Question|Control|Note')!;
    expect(notSure).toHaveLength(3);
    expect(notSure.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(notSure.find((r) => r[1]!.startsWith('BCP-05 '))![2]).toBe(NOTE_TEXT);
    expect(notSure.find((r) => r[1]!.startsWith('GOV-01 '))![2]).toBe(NOTE2);
    const notApplicable = rendered.find((t) => t[0]!.join('|') === 'Question|Control|Reason')!;
    expect(notApplicable.map((r) => r.length)).toEqual([3, 3, 3, 3]);
    expect(notApplicable.find((r) => r[1]!.startsWith('PHY-02 '))![2]).toBe(REASON_TEXT);
  });

  test('the source escapes pipes and angle brackets and never breaks a row across lines', () => {
    expect(src).toContain('| a \\| b second line &lt;script&gt;alert(1)&lt;/script&gt; |');
    expect(src).toContain('| path C:\\\\temp\\\\ \\| next \\\\\\| done &amp; &lt;b&gt;bold&lt;/b&gt; |');
    expect(src).not.toMatch(/<script|<b>/);
  });

  test('the markdown-it HTML has no <script> (or any other raw HTML) element, only the escaped text', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<b>/);
    expect(html).toContain('a | b second line &lt;script&gt;alert(1)&lt;/script&gt;');
    // The note also appears in the gap list (BCP-05 is a gap), as one list item.
    expect(html).toContain('(note: a | b second line &lt;script&gt;alert(1)&lt;/script&gt;)</li>');
    const { rendered } = expectTablesIntact(src);
    expect(rendered.flat(2).filter((cell) => cell.includes('<script>'))).toEqual([NOTE_TEXT, REASON_TEXT]);
  });

  test('the modified report is still lint-clean', async () => {
    const result = await lint({ strings: { report: src }, config: LINT_CONFIG });
    expect(result.report).toEqual([]);
  });
});
