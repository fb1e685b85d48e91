import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeAnswers, type AnswersDocument } from '../src/answers.js';
import { parseSimpleYaml } from '../src/yaml/simple.js';
import { parseYamlSource } from '../src/yaml/source.js';
import { repoRoot } from './helpers/run-cli.js';
import { expectFastAgreesWithYaml } from './helpers/yaml-agreement.js';

/** The contract: when the fast reader answers, it agrees with yaml on every value and position. */
const expectAgreement = expectFastAgreesWithYaml;

describe('parseSimpleYaml', () => {
  test('reads every shipped answers file and config, identically to yaml', () => {
    const examples = join(repoRoot, 'examples');
    const files = readdirSync(examples)
      .flatMap((d) => ['answers.yaml', 'soc2-ready.yaml'].map((f) => join(examples, d, f)))
      .filter((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
    expect(files.length).toBeGreaterThanOrEqual(6);
    const read = files.filter((f) => expectAgreement(readFileSync(f, 'utf8')));
    expect(read).toEqual(files);
  });

  test('reads every shipped control file, the catalog and the questionnaire, identically to yaml (positions too)', () => {
    const criteria = join(repoRoot, 'criteria');
    const files = [
      join(criteria, 'tsc-2017.yaml'),
      join(criteria, 'questionnaire.yaml'),
      ...readdirSync(join(criteria, 'controls')).map((f) => join(criteria, 'controls', f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(18);
    const declined = files.filter((f) => !expectAgreement(readFileSync(f, 'utf8')));
    expect(declined).toEqual([]);
  });

  test('gives the exact line and column of keys and values', () => {
    const text = [
      '# yaml-language-server: $schema=x',
      'controls:',
      '  - id: A-1   # stable',
      '    criteria: [CC1.1, "CC6.1"]',
      '    description: >-',
      '      two',
      '      lines',
      '    questions:',
      '    - { id: A-1.q, choices: [{ value: "yes", score: 1 }] }',
      '    owner:',
      '',
    ].join('\n');
    const source = parseYamlSource(text, 'f.yaml');
    expect(source.data).toEqual({
      controls: [
        {
          id: 'A-1',
          criteria: ['CC1.1', 'CC6.1'],
          description: 'two lines',
          questions: [{ id: 'A-1.q', choices: [{ value: 'yes', score: 1 }] }],
          owner: null,
        },
      ],
    });
    const at = (path: (string | number)[], key = false) => source.locate(path, { key });
    expect(at([])).toEqual({ line: 2, column: 1 });
    expect(at(['controls', 0, 'id'])).toEqual({ line: 3, column: 9 });
    expect(at(['controls', 0, 'criteria', 1])).toEqual({ line: 4, column: 23 });
    expect(at(['controls', 0, 'description'])).toEqual({ line: 5, column: 18 });
    expect(at(['controls', 0, 'questions', 0, 'choices', 0, 'score'])).toEqual({ line: 9, column: 53 });
    expect(at(['controls', 0, 'questions', 0, 'choices', 0, 'value'], true)).toEqual({ line: 9, column: 32 });
    expect(at(['controls', 0, 'owner'])).toEqual({ line: 10, column: 11 });
    expect(at(['controls', 0, 'nope'], true)).toEqual({ line: 3, column: 5 });
    expect(expectAgreement(text)).toBe(true);
  });

  test('agrees with yaml on generated control files written in every style the subset covers', () => {
    const awkward = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('yes', 'no', '1.5', '0x1F', 'a: b', 'x #y', "it's", '- x', 'null', ' lead', 'é 漢字', 'C#'),
    );
    const scalar = awkward.map((t) => (/^[A-Za-z][A-Za-z0-9 ,.()#-]*$/.test(t) ? t : JSON.stringify(t)));
    const words = fc.array(fc.stringMatching(/^[A-Za-z][a-z0-9,.()'"#:-]{0,12}$/), { minLength: 1, maxLength: 4 });
    const control = fc.record({
      id: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,3}$/),
      title: scalar,
      criteria: fc.array(fc.constantFrom('CC1.1', 'CC6.1', '"A1.2"', "'P4.3'"), { maxLength: 3 }),
      description: fc.option(
        fc.tuple(fc.constantFrom('>', '>-', '|', '|-'), fc.array(words, { minLength: 1, maxLength: 3 })),
      ),
      evidence: fc.array(scalar, { maxLength: 3 }),
      choices: fc.array(
        fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), scalar, fc.double({ min: 0, max: 1, noNaN: true })),
        {
          maxLength: 3,
        },
      ),
      comment: fc.boolean(),
    });
    type Generated = typeof control extends fc.Arbitrary<infer T> ? T : never;
    const render = (c: Generated, indent: string) => {
      const lines = [`${indent}- id: ${c.id}${c.comment ? '   # a comment' : ''}`, `${indent}  title: ${c.title}`];
      lines.push(`${indent}  criteria: [${c.criteria.join(', ')}]`);
      if (c.description) {
        lines.push(`${indent}  description: ${c.description[0]}`);
        for (const w of c.description[1]) lines.push(`${indent}    ${w.join(' ')}`);
      }
      if (c.evidence.length > 0) lines.push(`${indent}  evidence:`, ...c.evidence.map((e) => `${indent}    - ${e}`));
      if (c.choices.length > 0) {
        lines.push(`${indent}  questions:`, `${indent}    - id: ${c.id}.q`, `${indent}      choices:`);
        for (const [v, label, score] of c.choices)
          lines.push(
            `${indent}        - { value: ${v}, label: ${label.startsWith('"') ? label : JSON.stringify(label)}, score: ${score} }`,
          );
      }
      return lines;
    };
    let read = 0;
    fc.assert(
      fc.property(fc.array(control, { maxLength: 4 }), fc.constantFrom('', '  '), (controls, indent) => {
        const text = ['controls:', ...controls.flatMap((c) => render(c, indent)), ''].join('\n');
        if (expectAgreement(text)) read++;
      }),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(200);
  });

  test('reads what serializeAnswers writes, for generated documents with awkward strings', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'yes',
        'no',
        'on',
        '0o17',
        '0x1F',
        '1e3',
        '-',
        '- x',
        'a: b',
        '#x',
        'x #y',
        "it's",
        '"q"',
        'null',
        '~',
        'true',
        '12',
        ' lead',
        'trail ',
        'tab\there',
        'multi\nline',
        '[a]',
        '{a}',
        'é ü 漢字',
      ),
    );
    const answer = fc.record(
      {
        value: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
        note: text,
        reason: text,
        at: fc.constant('2026-11-22T10:00:00.000Z'),
      },
      { requiredKeys: ['value'] },
    );
    const docs = fc.record({
      organization: text,
      scope: fc.subarray(['security', 'availability', 'privacy']),
      scoping: fc.dictionary(fc.stringMatching(/^[a-z]+\.[a-z-]+$/), fc.constantFrom('yes', 'no', 'not-sure')),
      answers: fc.dictionary(fc.stringMatching(/^[A-Z]{2,4}-[0-9]{2}\.[a-z-]{1,10}$/), answer),
    });
    let read = 0;
    fc.assert(
      fc.property(docs, (d) => {
        const doc: AnswersDocument = { version: 1, controls: 'builtin', created: 'c', updated: 'u', ...d };
        if (expectAgreement(serializeAnswers(doc, []))) read++;
      }),
      { numRuns: 400 },
    );
    expect(read).toBeGreaterThan(100);
  });

  const pieces = [
    'a',
    'b: 1',
    'c:',
    '  d: x',
    '  - e',
    '- f',
    '"g": "h\\n"',
    "i: 'j''k'",
    'l: [m, n]',
    'o: p # q',
    'r: s: t',
    '&a x',
    '*a',
    '!!str u',
    'v: |',
    'w: >',
    '---',
    '  ',
    '    y: 0o7',
    'z: -1.5e3',
    'k: ~',
    'k2: TRUE',
    '- - x',
    '? key',
    'x: "a\\x41"',
    'q: a#b',
    'p: 12:30',
    '__proto__: 1',
    'n: .inf',
    '  - id: X',
    '    t: y # c',
    'd: >-',
    'd: |',
    '  folded text',
    '  # not a comment',
    '   deeper',
    'f: { v: "no", l: Some label, s: 0.5 }',
    '- { a: [b, c] }',
    'g: [a, "b, c", \'d\']',
    'h: []',
    'i: {}',
    'j: # c',
    'k: "x" # c',
    // Blanks other than U+0020 are content to yaml, never indentation or trailing space.
    '\u00a0 m: 1',
    'm: 1\u00a0',
    'm: x\u2003 # c',
    'm: [a\u00a0, b]',
    '  - x\u3000',
    '',
    '',
  ];
  test('only U+0020 is a space: no-break and other Unicode blanks stay in the value, as yaml keeps them', () => {
    expect(parseSimpleYaml('a:\n  b: 1\u00a0\nc: x\u2003 # c\nd: [e\u00a0, f]\n')?.value).toEqual({
      a: { b: '1\u00a0' },
      c: 'x\u2003',
      d: ['e\u00a0', 'f'],
    });
    expectAgreement('a:\n  b: 1\u00a0\nc: x\u2003 # c\nd: [e\u00a0, f]\n');
  });

  test('on arbitrary line soup it either declines or agrees with yaml (never a different value)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 12 }),
        (lines) => void expectAgreement(lines.join('\n')),
      ),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['an anchor', 'a: &x 1\nb: *x\n'],
    ['a block scalar keeping trailing lines', 'a: |+\n  text\n'],
    ['a block scalar with an indentation indicator', 'a: |2\n   text\n'],
    ['a blank line inside a block scalar', 'a: >\n  one\n\n  two\n'],
    ['a more-indented line in a folded scalar', 'a: >\n  one\n    two\n'],
    ['a flow collection over several lines', 'a: [b,\n  c]\n'],
    ['a trailing comma in a flow collection', 'a: [b, c, ]\n'],
    ['a comment inside a flow collection', 'a: [b, # c\n  d]\n'],
    ['a comment right after a sequence dash', 'a:\n  - # c\n    b: 1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
  ])('declines %s, leaving it to yaml', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });
});
