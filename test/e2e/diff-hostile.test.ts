/** `diff` on hand-edited or hostile report JSON (L1, L5, L6, L7): a clear error or inert text, never a crash. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDiff } from '../../src/cli/commands/diff.js';
import { reportFailure } from '../../src/cli/failure.js';
import { inlineText } from '../../src/diff/markdown.js';
import { fakeIo } from '../helpers/io.js';
import { repoRoot } from '../helpers/run-cli.js';

let dir: string;
/** The fields the edits touch. */
type Report = {
  overall: { score: unknown };
  categories: (Record<string, unknown> | null)[];
  gaps: Record<string, unknown>[];
};
let report: Report;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-diff-hostile-'));
  report = JSON.parse(readFileSync(join(repoRoot, 'examples', 'early-stage-saas', 'report.json'), 'utf8'));
  writeFileSync(join(dir, 'before.json'), JSON.stringify(report));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function diffAgainst(edit: (r: Report) => void): Promise<{ code: number; out: string; err: string }> {
  const after = structuredClone(report);
  edit(after);
  writeFileSync(join(dir, 'after.json'), JSON.stringify(after));
  const io = fakeIo(dir);
  let code: number;
  try {
    code = await runDiff({ format: ['md'], output: [] }, 'before.json', 'after.json', io);
  } catch (cause) {
    code = reportFailure(cause, io);
  }
  return { code, out: io.out(), err: io.err() };
}

describe('diff on a hostile report JSON', () => {
  test.each([
    [
      'a score that is HTML (L5)',
      (r: Report) => (r.overall.score = '<img src=x onerror=alert(1)>'),
      'overall.score must be a number or null (got string)',
    ],
    [
      'a gap weight that is HTML (L5)',
      (r: Report) => (r.gaps[0].weight = '<img>'),
      'gaps[0].weight must be number (got string)',
    ],
    [
      'a category name that is a number (L6)',
      (r: Report) => (r.categories[0]!.name = 42),
      'categories[0].name must be text (got number)',
    ],
    ['a null category (L6)', (r: Report) => (r.categories = [null]), 'categories[0] must be an object (got null)'],
    [
      'a gap title that is an object (L6)',
      (r: Report) => (r.gaps[0].title = {}),
      'gaps[0].title must be text (got object)',
    ],
  ])('%s is a usage error naming the field', async (_, edit, problem) => {
    const r = await diffAgainst(edit);
    expect([r.code, r.out, r.err]).toEqual([
      2,
      '',
      `soc2-ready: "after.json" is not a valid \`soc2-ready report --format json\` output: ${problem}.\n  Pass the unedited output of \`soc2-ready report --format json\`, or an answers file.\n`,
    ]);
  });

  test('escape sequences in a title reach the Markdown inert, also inside a URL (L1)', async () => {
    const r = await diffAgainst((a) => {
      a.gaps = [
        { ...a.gaps[0], control: 'NEW-01', title: 'see https://e.example/\u001b]0;pwned\u0007 now' },
        ...a.gaps,
      ];
    });
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(r.out).toContain('<https://e.example/\\e]0;pwned\\a> now');
  });

  test('an autolink ends before a closing parenthesis or trailing punctuation (L7)', () => {
    expect(inlineText('(https://evil.example/p.png)')).toBe('(<https://evil.example/p.png>)');
    expect(inlineText('see https://x.example/a.')).toBe('see <https://x.example/a>.');
  });
});
