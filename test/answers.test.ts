import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import {
  answersData,
  checkedBlockYaml,
  emptyAnswers,
  parseAnswers,
  questionRank,
  serializeAnswers,
  type AnswersDocument,
} from '../src/answers.js';
import type { Answer } from '../src/questionnaire/plan.js';
import { exampleAnswersFiles } from './helpers/examples.js';

const FILE = 'soc2-answers.yaml';
const HEADER =
  '# soc2-ready answers file: the source of truth of this readiness assessment.\n' +
  '# Written by `soc2-ready assess` after every answer; review changes in pull requests.\n';

describe('parseAnswers', () => {
  test('a complete valid document is returned as written', () => {
    const text = [
      'version: 1',
      'organization: Acme Corp',
      'scope: [security, privacy]',
      'controls: ./controls',
      'created: "2024-05-01T10:00:00Z"',
      'updated: "2024-05-02T10:00:00Z"',
      'scoping:',
      '  privacy.collect: "yes"',
      '  availability.sla: "no"',
      'answers:',
      '  ACC-01.scope:',
      '    value: most',
      '    note: SaaS tools still missing',
      '    at: "2024-05-01T10:01:00Z"',
      '  PHY-01.in-place:',
      '    value: not-applicable',
      '    reason: Fully remote, no office',
      '',
    ].join('\n');
    expect(parseAnswers(text, FILE)).toEqual({
      diagnostics: [],
      doc: {
        version: 1,
        organization: 'Acme Corp',
        scope: ['security', 'privacy'],
        controls: './controls',
        created: '2024-05-01T10:00:00Z',
        updated: '2024-05-02T10:00:00Z',
        scoping: { 'privacy.collect': 'yes', 'availability.sla': 'no' },
        answers: {
          'ACC-01.scope': { value: 'most', note: 'SaaS tools still missing', at: '2024-05-01T10:01:00Z' },
          'PHY-01.in-place': { value: 'not-applicable', reason: 'Fully remote, no office' },
        },
      },
    });
  });

  test('a minimal document gets the built-in controls and empty scoping', () => {
    expect(parseAnswers('version: 1\nscope: []\nanswers: {}\n', FILE)).toEqual({
      diagnostics: [],
      doc: { version: 1, scope: [], controls: 'builtin', scoping: {}, answers: {} },
    });
  });

  const doc = (body: string) => `version: 1\nscope: [security]\n${body}`;
  test.each([
    ['without a reason', ''],
    ['with an empty reason', '    reason: ""\n'],
    ['with a blank reason', '    reason: "   "\n'],
  ])('not-applicable %s is read, not refused (it no longer fits: listed and asked again)', (_, reason) => {
    const { doc: parsed, diagnostics } = parseAnswers(
      doc(`answers:\n  ACC-01.scope:\n    value: not-applicable\n${reason}`),
      FILE,
    );
    expect(diagnostics).toEqual([]);
    expect(parsed!.answers['ACC-01.scope']!.value).toBe('not-applicable');
  });

  test.each([
    [
      'unknown top-level key',
      doc('anwsers: {}\nanswers: {}\n'),
      'The file has an unknown field "anwsers".',
      3,
      1,
      'Did you mean "answers"?',
    ],
    [
      'unknown field in an answer',
      doc('answers:\n  X.q:\n    value: "yes"\n    notes: hi\n'),
      'Answer "X.q" has an unknown field "notes".',
      6,
      5,
      'Did you mean "note"?',
    ],
    [
      'scope with an unknown category',
      'version: 1\nscope: [security, privcy]\nanswers: {}\n',
      'Entry 2 of "scope" must be one of security, availability, confidentiality, processing-integrity, privacy (got "privcy").',
      2,
      19,
      undefined,
    ],
    [
      'missing answers',
      'version: 1\nscope: [security]\n',
      'The file is missing the required field "answers".',
      1,
      1,
      undefined,
    ],
    [
      'a value that is not text',
      doc('answers:\n  X.q:\n    value: 3\n'),
      '"value" of answer "X.q" must be text (got 3).',
      5,
      12,
      undefined,
    ],
    [
      'a scoping answer that is not yes/no/not-sure',
      doc('scoping:\n  availability.sla: maybe\nanswers: {}\n'),
      '"availability.sla" in "scoping" must be one of yes, no, not-sure (got "maybe").',
      4,
      21,
      undefined,
    ],
    [
      'an unsupported version',
      'version: 2\nscope: []\nanswers: {}\n',
      '"version" of the file must be 1 (got 2).',
      1,
      10,
      undefined,
    ],
    ['a top-level list', '- a\n- b\n', 'The file must be a mapping (got ["a","b"]).', 1, 1, undefined],
  ])('%s → schema diagnostic with position', (_name, text, message, line, column, hint) => {
    const result = parseAnswers(text, FILE);
    expect(result.doc).toBeUndefined();
    expect(result.diagnostics).toEqual([
      { code: 'schema', severity: 'error', message, file: FILE, line, column, ...(hint ? { hint } : {}) },
    ]);
  });

  test('an empty file is a schema diagnostic at 1:1', () => {
    expect(parseAnswers('', FILE)).toEqual({
      diagnostics: [
        {
          code: 'schema',
          severity: 'error',
          message: 'The answers file must be a mapping with "version", "scope" and "answers".',
          file: FILE,
          line: 1,
          column: 1,
        },
      ],
    });
  });

  test('broken YAML is a yaml-syntax diagnostic with its position', () => {
    expect(parseAnswers('version: 1\nscope: [security\nanswers: {}\n', FILE)).toEqual({
      diagnostics: [
        {
          code: 'yaml-syntax',
          severity: 'error',
          message: 'Flow sequence in block collection must be sufficiently indented and end with a ].',
          file: FILE,
          line: 3,
          column: 1,
        },
      ],
    });
    expect(parseAnswers('version: 1\nscope: []\nanswers: {}\nanswers: {}\n', FILE).diagnostics).toEqual([
      {
        code: 'yaml-syntax',
        severity: 'error',
        message: 'Duplicate key in a mapping: each key may appear only once.',
        file: FILE,
        line: 4,
        column: 1,
        hint: 'Remove or rename one of the keys.',
      },
    ]);
  });
});

describe('serializeAnswers', () => {
  const full: AnswersDocument = {
    version: 1,
    organization: 'Acme',
    scope: ['security', 'availability'],
    controls: 'builtin',
    created: '2024-01-01T00:00:00Z',
    updated: '2024-01-02T00:00:00Z',
    scoping: { 'availability.sla': 'yes', 'privacy.collect': 'no' },
    answers: {
      'GONE-10.q': { value: 'no' },
      'ACC-02.sso': { value: 'partly' },
      'GONE-9.q': { value: 'yes' },
      'ACC-01.scope': { at: '2024-01-01T00:00:01Z', note: 'n', value: 'not-applicable', reason: 'on prem' },
      'A-1.q': { value: 'on' },
    },
  };

  test('writes the header, fixed key order, answers in question order, stale ids after in natural order', () => {
    expect(serializeAnswers(full, ['ACC-01.scope', 'ACC-02.sso', 'ACC-03.unused'])).toBe(
      HEADER +
        [
          'version: 1',
          'organization: Acme',
          'scope:',
          '  - security',
          '  - availability',
          'controls: builtin',
          'created: "2024-01-01T00:00:00Z"',
          'updated: "2024-01-02T00:00:00Z"',
          'scoping:',
          '  availability.sla: "yes"',
          '  privacy.collect: "no"',
          'answers:',
          '  ACC-01.scope:',
          '    value: not-applicable',
          '    reason: on prem',
          '    note: "n"',
          '    at: "2024-01-01T00:00:01Z"',
          '  ACC-02.sso:',
          '    value: partly',
          '  A-1.q:',
          '    value: "on"',
          '  GONE-9.q:',
          '    value: "yes"',
          '  GONE-10.q:',
          '    value: "no"',
          '',
        ].join('\n'),
    );
  });

  test('yes/no/on/off and 1.2-only literals come out quoted, so every YAML reader keeps them strings', () => {
    const tricky = ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'null', '~', '0o17', '0x1F', '1e3', '.inf', '017'];
    const d: AnswersDocument = {
      ...emptyAnswers('t'),
      organization: '0o17',
      answers: Object.fromEntries(tricky.map((v, i) => [`Q-${i}.q`, { value: v }])),
    };
    const text = serializeAnswers(d, []);
    for (const v of tricky) expect(text).toContain(`value: "${v}"`);
    expect(text).toContain('organization: "0o17"');
    expect(parse(text, { version: '1.1' }).answers['Q-0.q'].value).toBe('yes');
    expect(parseAnswers(text, FILE).doc).toEqual(d);
  });

  test('an answer that is only a value comes out as just the value; undefined top-level fields are left out', () => {
    const d: AnswersDocument = {
      version: 1,
      scope: ['security'],
      controls: 'builtin',
      scoping: {},
      answers: { 'X.q': { value: 'done' } },
    };
    expect(serializeAnswers(d, [])).toBe(
      `${HEADER}version: 1\nscope:\n  - security\ncontrols: builtin\nscoping: {}\nanswers:\n  X.q:\n    value: done\n`,
    );
  });

  test('emptyAnswers serializes and parses back to itself', () => {
    const d = emptyAnswers('2024-01-01T00:00:00.000Z');
    expect(parseAnswers(serializeAnswers(d, []), FILE)).toEqual({ doc: d, diagnostics: [] });
  });

  const tricky = fc.constantFrom(
    'yes',
    'no',
    'on',
    'off',
    'Y',
    'N',
    'null',
    '~',
    'true',
    '0o7',
    '0x1F',
    '1e3',
    '.5',
    '2024-01-01',
    '#x',
    'a: b',
    '- x',
    '*a',
    '&a',
    '!t',
    '|',
    '"q"',
    "'",
    ' lead',
    'trail ',
    'multi\nline',
    'tab\there',
  );
  const text = fc.oneof(tricky, fc.string(), fc.string({ unit: 'grapheme' }));
  const nonEmpty = text.filter((s) => s.length > 0);
  // Question ids start with a control id; integer-like keys would be reordered by JavaScript itself.
  const questionId = fc.oneof(
    fc.stringMatching(/^[A-Z]{2,4}-\d{1,3}\.[a-z-]{1,8}$/),
    text.map((s) => `Q${s}`),
  );
  const answer: fc.Arbitrary<Answer> = fc.oneof(
    fc
      .record({ value: nonEmpty, note: text, at: text }, { requiredKeys: ['value'] })
      .filter((a) => a.value !== 'not-applicable'),
    fc.record(
      { value: fc.constant('not-applicable'), reason: nonEmpty, note: text },
      { requiredKeys: ['value', 'reason'] },
    ),
  );
  const docArb: fc.Arbitrary<AnswersDocument> = fc.record(
    {
      version: fc.constant(1 as const),
      organization: text,
      scope: fc.subarray(['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy']),
      controls: text,
      created: text,
      updated: text,
      scoping: fc.dictionary(text, fc.constantFrom('yes', 'no', 'not-sure'), { noNullPrototype: true }),
      answers: fc.dictionary(questionId, answer, { noNullPrototype: true }),
    },
    { requiredKeys: ['version', 'scope', 'controls', 'scoping', 'answers'] },
  );

  test('round trip: parseAnswers(serializeAnswers(doc)) deep-equals doc, for any answer order', () => {
    fc.assert(
      fc.property(docArb, fc.boolean(), (d, ordered) => {
        const order = ordered ? Object.keys(d.answers).reverse() : [];
        const result = parseAnswers(serializeAnswers(d, order), FILE);
        expect(result.diagnostics).toEqual([]);
        expect(result.doc).toEqual(d);
        expect(Object.keys(result.doc!.answers).slice(0, order.length)).toEqual(order);
      }),
      { numRuns: 200 },
    );
  });

  test('every example answers file is saved by the block writer (read back and compared), not by yaml', () => {
    const files = exampleAnswersFiles();
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const { doc } = parseAnswers(readFileSync(file, 'utf8'), file);
      // Laid out as serializeAnswers lays it out: answers in a map without prototype, in questionnaire order.
      const data = answersData(doc!, questionRank(Object.keys(doc!.answers).reverse()));
      expect(checkedBlockYaml(data)).toBe(stringify(data, { lineWidth: 0, version: '1.1', customTags: ['intOct'] }));
    }
  });
});
