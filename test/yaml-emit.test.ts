import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { emitBlockYaml } from '../src/yaml/emit.js';
import { repoRoot } from './helpers/run-cli.js';

const viaYaml = (data: unknown) => stringify(data, { lineWidth: 0, version: '1.1', customTags: ['intOct'] });

/** The contract: when the writer answers, its bytes are exactly yaml's. Returns whether it answered. */
function expectSameBytes(data: Record<string, unknown>): boolean {
  const fast = emitBlockYaml(data);
  if (fast === undefined) return false;
  expect(fast).toBe(viaYaml(data));
  return true;
}

const awkward = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.constantFrom(
    ...['yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', '', ' ', 'true', '12', '-3', '0o17', '017', '0x1F', '0b101'],
    ...['1e3', 'e3', '.5', '1.', '.inf', '.NaN', '<<', '1:30', '2026-11-22', '2026-11-22T10:00:00.000Z', '-', '?'],
    ...['- x', '? x', 'a: b', 'a:', 'x #y', 'a#b', "it's", '"q"', `'"`, '#x', '%x', '@x', '`x', '[a]', '{a}'],
    ...['!x', '&x', '*x', '|', '>', ',x', 'lead ', ' trail', 'tab\there', 'multi\nline', '---', '...', 'é 漢字 ☃'],
  ),
);
const key = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,10}$/), awkward);
const tree = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    awkward,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    tie('list'),
    tie('map'),
  ),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
}));

describe('emitBlockYaml', () => {
  test('writes exactly what yaml.stringify writes, or declines (generated data with awkward strings)', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree.value, { minKeys: 1, maxKeys: 6 }), (data) => {
        if (expectSameBytes(data)) written++;
      }),
      { numRuns: 3000 },
    );
    expect(written).toBeGreaterThan(500);
  });

  test('writes every example answers file (answers, operations, evidence) byte for byte as yaml does', () => {
    const examples = join(repoRoot, 'examples');
    const files = readdirSync(examples)
      .map((d) => join(examples, d, 'answers.yaml'))
      .filter((f) => {
        try {
          return readFileSync(f, 'utf8').length > 0;
        } catch {
          return false;
        }
      });
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(expectSameBytes(parse(readFileSync(file, 'utf8')))).toBe(true);
  });

  test('writes mappings without prototype (as serializeAnswers builds its answers) as yaml does', () => {
    const answers = Object.create(null) as Record<string, unknown>;
    answers['ACC-01.q'] = { value: 'yes' };
    answers['__proto__'] = { value: 'no', note: 'a stale id' };
    expect(expectSameBytes({ answers, none: Object.create(null) })).toBe(true);
  });

  test.each([
    ['a line break', { a: 'one\ntwo' }],
    ['a list of lists', { a: [['b']] }],
    ['an exponent', { a: 1e-7 }],
    ['a merge key', { '<<': 'x' }],
    ['an emoji', { a: '🙂' }],
    ['a document marker', { a: '--- x' }],
  ])('declines %s, leaving it to yaml', (_name, data) => {
    expect(emitBlockYaml(data)).toBeUndefined();
  });
});
