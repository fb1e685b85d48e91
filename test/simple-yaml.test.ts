import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { serializeAnswers, type AnswersDocument } from '../src/answers.js';
import { parseSimpleYaml } from '../src/yaml/simple.js';
import { repoRoot } from './helpers/run-cli.js';

/** What the real reader makes of a text, or undefined when it reports an error. */
function viaYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, logLevel: 'silent' });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** The contract: when the fast reader answers, it agrees with yaml exactly. */
function expectAgreement(text: string): boolean {
  const fast = parseSimpleYaml(text);
  if (fast === undefined) return false;
  expect(viaYaml(text)).toEqual(fast.value);
  return true;
}

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
    // Configs with exclusions (a list of mappings) are outside the subset and go to yaml.
    expect(read.filter((f) => f.endsWith('answers.yaml'))).toHaveLength(3);
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
  ];
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
    ['a block scalar', 'a: |\n  text\n'],
    ['a flow mapping', 'a: { b: 1 }\n'],
    ['a comment after a value', 'a: b # c\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab', 'a:\t1\n'],
    ['CRLF', 'a: 1\r\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a sequence of mappings', 'a:\n  - b: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a YAML-only escape', 'a: "\\x41"\n'],
  ])('declines %s, leaving it to yaml', (_name, text) => {
    expect(parseSimpleYaml(text)).toBeUndefined();
  });
});
