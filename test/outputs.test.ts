// Pairing --format and -o flags against a command's formats (src/cli/outputs.ts).
import { describe, expect, test } from '@jest/globals';
import { resolveOutputs, type OutputFlag } from '../src/cli/outputs.js';
import type { Formats } from '../src/formats/registry.js';
import { UsageError } from '../src/errors.js';

const render = async () => '';
const FORMATS: Formats<never> = {
  text: { extensions: ['.txt'], stdout: true, render },
  md: { extensions: ['.md', '.markdown'], stdout: true, render },
  xlsx: { extensions: ['.xlsx'], stdout: false, render },
};

const f = (value: string): OutputFlag => ({ kind: 'format', value });
const o = (value: string): OutputFlag => ({ kind: 'output', value });
const resolve = (...flags: OutputFlag[]) => resolveOutputs(flags, FORMATS, 'text', '/work');

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (cause) {
    if (cause instanceof UsageError) return `${cause.message} ${cause.hint}`;
    throw cause;
  }
  throw new Error('no error');
}

describe('resolveOutputs', () => {
  test('no flags: the fallback on stdout', () => {
    expect(resolve()).toEqual([{ format: 'text' }]);
  });

  test('each -o takes the --format before it, else its extension; a lone --format goes to stdout', () => {
    expect(resolve(f('md'), o('a.txt'), o('b.MARKDOWN'), o('c.xlsx'), f('text'))).toEqual([
      { format: 'md', path: '/work/a.txt' },
      { format: 'md', path: '/work/b.MARKDOWN' },
      { format: 'xlsx', path: '/work/c.xlsx' },
      { format: 'text' },
    ]);
  });

  test('-o - is stdout', () => {
    expect(resolve(f('md'), o('-'))).toEqual([{ format: 'md', path: undefined }]);
  });

  test.each([
    [[f('html')], 'Unknown format "html". Use one of: text, md, xlsx.'],
    [
      [o('report.html')],
      'Cannot tell the format of "report.html" from its extension. Put --format (text, md, xlsx) before it.',
    ],
    [[f('xlsx')], 'The xlsx format cannot go to stdout. Write it to a file: --format xlsx -o <file>.xlsx.'],
    [[f('md'), f('text')], 'Only one output can go to stdout. Give each extra --format its own -o <file>.'],
  ])('%j is a usage error: %s', (flags, message) => {
    expect(usageError(() => resolve(...flags))).toBe(message);
  });
});
