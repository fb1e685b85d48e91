// `evidence:` in the answers file: kinds of references, located diagnostics, round trip, and `assess`
// recording references through an injected prompter (hashing local files).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAnswers, serializeAnswers } from '../src/answers.js';
import { runAssess } from '../src/cli/commands/assess.js';
import type { Prompter } from '../src/cli/prompter.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { InterruptedError } from '../src/errors.js';
import { fakeIo, type FakeIo } from './helpers/io.js';
import { evidenceKind, newestCollected } from '../src/evidence/references.js';

const FILE = 'answers.yaml';
const HASH = 'ab'.repeat(32);
const base = 'version: 1\nscope: [security]\nanswers: {}\n';

describe('evidenceKind', () => {
  test.each([
    ['evidence/access-review-2026-Q3.pdf', 'file'],
    ['../shared/policy.md', 'file'],
    ['https://tracker.example/SEC-412', 'url'],
    ['s3://bucket/key', 'url'],
    ['SEC-412', 'ticket'],
    ['#412', 'ticket'],
    ['sec-412', 'file'],
  ])('%s is a %s', (ref, kind) => expect(evidenceKind(ref)).toBe(kind));
});

test('newestCollected is the latest date, or undefined without references', () => {
  expect(
    newestCollected([
      { ref: 'a', collected: '2026-01-02' },
      { ref: 'b', collected: '2026-03-01' },
    ]),
  ).toBe('2026-03-01');
  expect(newestCollected([])).toBeUndefined();
});

describe('parseAnswers: evidence', () => {
  test('flow and block entries are read as written', () => {
    const text = `${base}evidence:\n  ACC-08:\n    - { ref: evidence/review.pdf, collected: 2026-10-02, sha256: ${HASH} }\n    - ref: "https://tracker.example/SEC-412"\n      collected: "2026-10-03"\n      note: Q3 review ticket\n`;
    expect(parseAnswers(text, FILE)).toEqual({
      diagnostics: [],
      doc: {
        version: 1,
        scope: ['security'],
        controls: 'builtin',
        scoping: {},
        answers: {},
        evidence: {
          'ACC-08': [
            { ref: 'evidence/review.pdf', collected: '2026-10-02', sha256: HASH },
            { ref: 'https://tracker.example/SEC-412', collected: '2026-10-03', note: 'Q3 review ticket' },
          ],
        },
      },
    });
  });

  test.each([
    [
      'an impossible date',
      'evidence:\n  ACC-08:\n    - { ref: a.pdf, collected: 2026-02-30 }\n',
      'answers.yaml:6:32  error  schema  "collected" of entry 1 of "ACC-08" is not a calendar date (got "2026-02-30"). Write a real date as YYYY-MM-DD.',
    ],
    [
      'a date in another shape',
      'evidence:\n  ACC-08:\n    - ref: a.pdf\n      collected: 02/10/2026\n',
      'answers.yaml:7:18  error  schema  "collected" of entry 1 of "ACC-08" "02/10/2026" has the wrong form. Write it as YYYY-MM-DD: the date the evidence was produced or collected.',
    ],
    [
      'a hash that is not SHA-256 hex',
      'evidence:\n  ACC-08:\n    - { ref: a.pdf, collected: 2026-10-02, sha256: abc }\n',
      'answers.yaml:6:52  error  schema  "sha256" of entry 1 of "ACC-08" "abc" has the wrong form. Write it as 64 lower-case hex digits: the SHA-256 of a local file (assess fills it in).',
    ],
    [
      'no collection date',
      'evidence:\n  ACC-08:\n    - ref: a.pdf\n',
      'answers.yaml:6:7  error  schema  Entry 1 of "ACC-08" is missing the required field "collected".',
    ],
    [
      'an unknown field',
      'evidence:\n  ACC-08:\n    - { ref: a.pdf, collected: 2026-10-02, hash: x }\n',
      'answers.yaml:6:44  error  schema  Entry 1 of "ACC-08" has an unknown field "hash". Allowed fields: ref, collected, sha256, note.',
    ],
    [
      'a single entry instead of a list',
      'evidence:\n  ACC-08: { ref: a.pdf, collected: 2026-10-02 }\n',
      'answers.yaml:5:11  error  schema  "ACC-08" in "evidence" must be a list (got {"ref":"a.pdf","collected":"2026-10-02"}).',
    ],
  ])('%s is a located diagnostic', (_name, yaml, expected) => {
    const { doc, diagnostics } = parseAnswers(base + yaml, FILE);
    expect(doc).toBeUndefined();
    expect(diagnostics.map(formatDiagnostic)).toEqual([expected]);
  });
});

test('serializeAnswers writes evidence by control in questionnaire order, fields in file order', () => {
  const doc = parseAnswers(base, FILE).doc!;
  doc.evidence = {
    'ZZZ-01': [{ ref: 'z.pdf', collected: '2026-01-01' }],
    'ACC-08': [{ note: 'checked', sha256: HASH, collected: '2026-10-02', ref: 'r.pdf' } as never],
    'EMPTY-1': [],
  };
  const text = serializeAnswers(doc, ['ACC-08.q', 'ZZZ-01.q']);
  expect(text.slice(text.indexOf('evidence:'))).toBe(
    `evidence:\n  ACC-08:\n    - ref: r.pdf\n      collected: "2026-10-02"\n      sha256: ${HASH}\n      note: checked\n  ZZZ-01:\n    - ref: z.pdf\n      collected: "2026-01-01"\n`,
  );
  expect(parseAnswers(text, FILE).doc!.evidence).toEqual({
    'ACC-08': [{ ref: 'r.pdf', collected: '2026-10-02', sha256: HASH, note: 'checked' }],
    'ZZZ-01': [{ ref: 'z.pdf', collected: '2026-01-01' }],
  });
});

describe('assess records evidence', () => {
  let dir: string;
  let io: FakeIo;
  const now = () => '2026-11-22T10:00:00.000Z';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'soc2-evidence-'));
    mkdirSync(join(dir, 'controls'));
    mkdirSync(join(dir, 'evidence'));
    writeFileSync(
      join(dir, 'controls', 'c.yaml'),
      'controls:\n  - id: T-01\n    title: Access reviews\n    criteria: [CC6.2]\n',
    );
    writeFileSync(join(dir, 'evidence', 'review.pdf'), 'signed review');
    writeFileSync(
      join(dir, 'soc2-answers.yaml'),
      'version: 1\norganization: X\nscope: [security]\ncontrols: controls\nanswers: {}\n',
    );
    io = fakeIo(dir, { NO_COLOR: '1' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function scripted(steps: (string | { input: string })[]): Prompter & { seen: string[] } {
    const seen: string[] = [];
    const next = () => {
      const step = steps.shift();
      if (step === undefined) throw new InterruptedError('script ended');
      return step;
    };
    return {
      seen,
      async input(message, options) {
        seen.push(`${message} [${options?.default ?? ''}]`);
        return (next() as { input: string }).input;
      },
      async select<T>(_message: string, choices: unknown[]) {
        const names = (choices as { name?: string; value?: T }[]).filter((c) => c.value === '__evidence');
        seen.push(names.map((c) => c.name).join(''));
        return next() as T;
      },
      async checkbox() {
        return [];
      },
    };
  }

  test('a file (hashed), a URL and a missing file; a bad date is asked again', async () => {
    const prompter = scripted([
      '__evidence',
      { input: 'evidence/review.pdf' },
      { input: '' + '2026-02-30' },
      { input: '2026-10-02' },
      '__evidence',
      { input: 'https://tracker.example/SEC-412' },
      { input: '2026-10-03' },
      '__evidence',
      { input: 'evidence/missing.pdf' },
      { input: '2026-10-04' },
      'operating',
    ]);
    expect(await runAssess({}, io, { prompter, requireTerminal: false, now })).toBe(0);
    const doc = parseAnswers(readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8'), FILE).doc!;
    expect(doc.evidence).toEqual({
      'T-01': [
        {
          ref: 'evidence/review.pdf',
          collected: '2026-10-02',
          sha256: createHash('sha256').update('signed review').digest('hex'),
        },
        { ref: 'https://tracker.example/SEC-412', collected: '2026-10-03' },
        { ref: 'evidence/missing.pdf', collected: '2026-10-04' },
      ],
    });
    expect(prompter.seen.filter((s) => s.startsWith('Add evidence'))).toEqual([
      'Add evidence for this control (file, URL or ticket)…',
      'Add evidence for this control (file, URL or ticket)… (1 recorded)',
      'Add evidence for this control (file, URL or ticket)… (2 recorded)',
      'Add evidence for this control (file, URL or ticket)… (3 recorded)',
    ]);
    expect(prompter.seen).toContain('Collected on (YYYY-MM-DD): [2026-11-22]');
    expect(io.err()).toContain('"2026-02-30" is not a calendar date; write it as YYYY-MM-DD.\n');
    expect(io.err()).toContain(
      'No file at "evidence/missing.pdf" (relative to the answers file): recorded without a hash.\n',
    );
  });

  test('the reference is saved at once, so an interrupt keeps it', async () => {
    const prompter = scripted(['__evidence', { input: 'SEC-9' }, { input: '2026-10-02' }]);
    await expect(runAssess({}, io, { prompter, requireTerminal: false, now })).rejects.toBeInstanceOf(InterruptedError);
    expect(parseAnswers(readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8'), FILE).doc!.evidence).toEqual({
      'T-01': [{ ref: 'SEC-9', collected: '2026-10-02' }],
    });
  });
});
