import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { excessiveNesting, MAX_NESTING } from '../src/yaml/nesting.js';

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
