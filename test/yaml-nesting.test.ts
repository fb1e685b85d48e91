import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { excessiveNesting, MAX_NESTING } from '../src/yaml/nesting.js';
import { MAX_DEPTH } from '../src/yaml/simple-scalars.js';
import { parseSimpleYaml } from '../src/yaml/simple.js';
import { parseYamlSource } from '../src/yaml/source.js';
import { expectFastAgreesWithYaml } from './helpers/yaml-agreement.js';

describe('excessiveNesting', () => {
  test('4 MB of [ is refused at the first level over the bound', () => {
    expect(excessiveNesting(`controls: ${'['.repeat(4 * 1024 * 1024)}\n`)).toEqual({
      line: 1,
      column: 11 + MAX_NESTING - 1,
    });
  });

  test('compact sequences "- - - …" count one level each', () => {
    expect(excessiveNesting(`controls:\n${'- '.repeat(100)}x\n`)).toEqual({
      line: 2,
      column: 2 * (MAX_NESTING - 1) + 1,
    });
  });

  test('deep block indentation counts one level per indent', () => {
    const text = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(excessiveNesting(text)).toEqual({ line: MAX_NESTING + 1, column: MAX_NESTING + 1 });
  });

  test('flow brackets inside quotes, comments and block scalars do not count', () => {
    const brackets = '['.repeat(200);
    const text = [
      `title: "${brackets}"`,
      `other: '${brackets}'`,
      `# ${brackets}`,
      'description: |',
      `  ${brackets}`,
      `  ${brackets}`,
      `plain: see ${brackets}`,
      '',
    ].join('\n');
    expect(excessiveNesting(text.replace(/plain: see \[+\n/, ''))).toBeUndefined();
  });

  test('every shipped control file, the catalog and the test fixtures are far below the bound', () => {
    const dirs = ['criteria/controls', 'criteria'];
    for (const d of dirs)
      for (const f of readdirSync(d).filter((n) => n.endsWith('.yaml')))
        expect([f, excessiveNesting(readFileSync(join(d, f), 'utf8'), 8)]).toEqual([f, undefined]);
  });
});

/**
 * parseYamlSource runs the guard only when the fast reader declines (it reads at most MAX_DEPTH
 * levels). That is sound only if the guard never refuses a text the fast reader accepts.
 */
describe('the fast reader stays within the guard, so the guard can run only before yaml', () => {
  const blockMappings = (levels: number) =>
    Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';

  test(`${MAX_DEPTH} nested mappings are read fast, one more goes to the guard and yaml, with the same data`, () => {
    expect(parseSimpleYaml(blockMappings(MAX_DEPTH))).toBeDefined();
    expect(parseSimpleYaml(blockMappings(MAX_DEPTH + 1))).toBeUndefined();
    const deeper = blockMappings(MAX_DEPTH + 1);
    expect(parseYamlSource(deeper, 'f').data).toEqual(parseYamlSource(deeper, 'f', { fast: false }).data);
  });

  test('flow brackets count with the block levels around them', () => {
    const flow = (levels: number) => `a:\n  b: ${'['.repeat(levels)}x${']'.repeat(levels)}\n`;
    expect(parseSimpleYaml(flow(MAX_DEPTH - 2))).toBeDefined();
    expect(parseSimpleYaml(flow(MAX_DEPTH - 1))).toBeUndefined();
  });

  test('generated nestings of mappings, "- key:" items and flow brackets: accepted means the guard agrees', () => {
    const level = fc.constantFrom('map', 'item', 'flow');
    let deepAccepted = 0;
    fc.assert(
      fc.property(fc.array(level, { minLength: 1, maxLength: 90, size: 'max' }), (levels) => {
        const lines: string[] = [];
        let indent = 0;
        let flow = 0;
        for (const [i, kind] of levels.entries()) {
          if (kind === 'flow') flow++;
          else {
            lines.push(`${' '.repeat(indent)}${kind === 'item' ? '- ' : ''}k${i}:`);
            indent += kind === 'item' ? 4 : 2;
          }
        }
        lines.push(`${' '.repeat(indent)}v: ${'['.repeat(flow)}x${']'.repeat(flow)}`);
        const text = `${lines.join('\n')}\n`;
        if (!expectFastAgreesWithYaml(text)) return;
        expect(excessiveNesting(text)).toBeUndefined();
        if (levels.length > MAX_DEPTH / 2) deepAccepted++;
      }),
      { numRuns: 400 },
    );
    expect(deepAccepted).toBeGreaterThan(20);
  });
});
