import { describe, expect, jest, test } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseControlFile } from '../src/catalog/controls.js';
import { parseAnswers } from '../src/answers.js';
import { resolveScope } from '../src/scope.js';
import { readBuiltinCatalog } from '../src/project/load.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './helpers/run-cli.js';
import { expectFastAgreesWithYaml } from './helpers/yaml-agreement.js';

/** The loader's contract: any text gives controls or diagnostics, never a throw, never console output. */
function expectContract(text: string) {
  const result = parseControlFile(text, 'fuzz.yaml');
  expect(Array.isArray(result.controls)).toBe(true);
  for (const d of result.diagnostics) {
    expect(typeof d.code).toBe('string');
    expect(d.file).toBe('fuzz.yaml');
    if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
  }
}

const fragments = [
  'controls:',
  '\n',
  '  - ',
  'id: A-1',
  'title: x',
  'criteria: [CC1.1]',
  '&a ',
  '*a',
  '*b',
  '!!binary',
  '!!js/function',
  '<<: *a',
  '---',
  '...',
  '[',
  ']',
  '{',
  '}',
  ': ',
  '"',
  "'",
  '#',
  '\t',
  '? ',
  '|',
  '>',
  '%YAML 1.2',
  '\uFEFF',
  '\r\n',
  '- - -',
];

describe('the control-file loader under hostile input (fast-check)', () => {
  test('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => expectContract(text)),
      { numRuns: 500 },
    );
  });

  test('YAML token soup (anchors, aliases, tags, merge keys, documents) never throws nor emits warnings', () => {
    const warn = jest.spyOn(process, 'emitWarning');
    try {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (parts) =>
          expectContract(parts.join('')),
        ),
        { numRuns: 1500 },
      );
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('an unresolved alias is a positioned yaml-syntax diagnostic, not a ReferenceError', () => {
    expect(parseControlFile('*x', 'fuzz.yaml').diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['yaml-syntax', 1, 1],
    ]);
  });

  test('mutated shipped control files: the fast reader declines or agrees with yaml on every value and position', () => {
    const dir = join(repoRoot, 'criteria', 'controls');
    const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8').split('\n').slice(0, 60).join('\n'));
    const mutation = fc.record({
      file: fc.nat(),
      at: fc.nat(),
      cut: fc.nat({ max: 6 }),
      insert: fc.constantFrom(...fragments, ' ', '  ', '- ', 'x', ':', ',', '-1', '>-\n', '|\n  x', '"\\n"', ''),
    });
    let fast = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        let text = texts[mutations[0]!.file % texts.length]!;
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        if (expectFastAgreesWithYaml(text)) fast++;
        expectContract(text);
      }),
      { numRuns: 1500 },
    );
    expect(fast).toBeGreaterThan(150);
  });

  const control = fc.record({
    id: fc.stringMatching(/^[A-Z]{2,4}-[0-9]{1,3}$/),
    title: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
    criteria: fc.array(fc.constantFrom('CC1.1', 'CC6.1', 'A1.2', 'P4.3'), { maxLength: 3 }),
    weight: fc.integer({ min: 1, max: 3 }),
  });

  test('round trip: any schema-valid file written with yaml.stringify loads back with the same data and no mutation', () => {
    fc.assert(
      fc.property(fc.array(control, { maxLength: 6 }), (controls) => {
        const before = JSON.stringify(controls);
        const { controls: loaded, diagnostics } = parseControlFile(stringify({ controls }), 'fuzz.yaml');
        expect(diagnostics).toEqual([]);
        expect(loaded.map((c) => ({ id: c.id, title: c.title, criteria: c.criteria, weight: c.weight }))).toEqual(
          controls,
        );
        expect(JSON.stringify(controls)).toBe(before);
      }),
      { numRuns: 200 },
    );
  });

  test('the answers parser honours the same contract', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments, 'version: 1', 'answers:', 'scope: [security]'), { maxLength: 30 }),
        (parts) => {
          const { doc, diagnostics } = parseAnswers(parts.join(''), 'a.yaml');
          expect(doc !== undefined || diagnostics.length > 0).toBe(true);
        },
      ),
      { numRuns: 800 },
    );
  });
});

describe('resolveScope', () => {
  const catalog = readBuiltinCatalog();
  test.each([
    [[], ['security']],
    [
      ['availability', 'privacy'],
      ['security', 'availability', 'privacy'],
    ],
    [['  Privacy '], ['security', 'privacy']],
    [['all'], ['security', 'availability', 'confidentiality', 'processing-integrity', 'privacy']],
    [['security'], ['security']],
  ])('%j -> %j', (requested, expected) => {
    const result = resolveScope(catalog, requested);
    expect('scope' in result && [...result.scope].sort()).toEqual([...expected].sort());
  });

  test('an unknown category is an error with a did-you-mean hint', () => {
    expect(resolveScope(catalog, ['privcy'])).toEqual({
      error: 'Unknown scope category "privcy".',
      hint: 'Did you mean "privacy"?',
    });
    expect(resolveScope(catalog, ['pci'])).toEqual({
      error: 'Unknown scope category "pci".',
      hint: 'Use any of: security, availability, confidentiality, processing-integrity, privacy, all.',
    });
  });
});
