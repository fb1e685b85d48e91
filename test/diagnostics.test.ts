import { describe, expect, test } from '@jest/globals';
import { formatDiagnostic, naturalCompare, sortDiagnostics, type Diagnostic } from '../src/diagnostics.js';
import { closest, quotedList } from '../src/text/suggest.js';

describe('naturalCompare', () => {
  test.each([
    ['CC1.2', 'CC1.10', -1],
    ['CC1.10', 'CC1.2', 1],
    ['CC9.2', 'CC10.1', -1],
    ['ACC-9', 'ACC-10', -1],
    ['A1.1', 'A1.1', 0],
    ['PI1.5', 'P1.1', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(naturalCompare(a, b))).toBe(sign);
  });

  test('sorts a list so CC1.10 comes after CC1.2', () => {
    expect(['CC1.10', 'CC1.1', 'CC1.2', 'CC1.9'].sort(naturalCompare)).toEqual(['CC1.1', 'CC1.2', 'CC1.9', 'CC1.10']);
  });
});

describe('formatDiagnostic', () => {
  const base: Diagnostic = { code: 'unknown-criterion', severity: 'error', message: 'Control "A" maps to "CC9.9".' };
  test.each([
    [
      { ...base, file: 'c/a.yaml', line: 3, column: 7, hint: 'Did you mean "CC9.2"?' },
      'c/a.yaml:3:7  error  unknown-criterion  Control "A" maps to "CC9.9". Did you mean "CC9.2"?',
    ],
    [{ ...base, file: 'c/a.yaml' }, 'c/a.yaml  error  unknown-criterion  Control "A" maps to "CC9.9".'],
    [{ ...base, file: 'c/a.yaml', line: 4 }, 'c/a.yaml:4  error  unknown-criterion  Control "A" maps to "CC9.9".'],
    [base, 'error  unknown-criterion  Control "A" maps to "CC9.9".'],
  ])('%#', (d, line) => {
    expect(formatDiagnostic(d)).toBe(line);
  });

  test('sortDiagnostics orders by file, line, column and puts place-less problems last', () => {
    const d = (file: string | undefined, line?: number, column?: number): Diagnostic => ({
      ...base,
      file,
      line,
      column,
    });
    const sorted = sortDiagnostics([
      d(undefined),
      d('b.yaml', 1, 1),
      d('a.yaml', 10, 1),
      d('a.yaml', 2, 5),
      d('a.yaml', 2, 1),
    ]);
    expect(sorted.map((x) => `${x.file}:${x.line}:${x.column}`)).toEqual([
      'a.yaml:2:1',
      'a.yaml:2:5',
      'a.yaml:10:1',
      'b.yaml:1:1',
      'undefined:undefined:undefined',
    ]);
  });
});

describe('did-you-mean', () => {
  const ids = ['CC9.1', 'CC9.2', 'CC6.1', 'CC6.8', 'A1.2'];
  test.each([
    ['CC9.9', ['CC9.1', 'CC9.2']],
    ['cc6.1', ['CC6.1']],
    ['CC6.9', ['CC6.1', 'CC6.8']],
    ['XYZ', []],
    ['A1.3', ['A1.2']],
  ])('%s -> %j', (input, expected) => {
    expect(closest(input, ids)).toEqual(expected);
  });

  test('quotedList', () => {
    expect(quotedList(['a'])).toBe('"a"');
    expect(quotedList(['a', 'b'])).toBe('"a" or "b"');
    expect(quotedList(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});
