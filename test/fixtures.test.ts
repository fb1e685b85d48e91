import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { checkProject } from '../src/project/check.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { readBuiltinCatalog } from '../src/project/load.js';

const root = fileURLToPath(new URL('./fixtures/invalid/', import.meta.url));
const cases = readdirSync(root).sort();

describe('every broken-input fixture gives exactly its expected diagnostics', () => {
  test('the fixture set is not empty', () => {
    expect(cases.length).toBeGreaterThanOrEqual(14);
  });

  test.each(cases)('%s', (name) => {
    const dir = join(root, name);
    const { result } = checkProject(readBuiltinCatalog(), { controls: 'controls' }, dir);
    // The fixtures are tiny inventories, so most criteria are unmapped; that rule has its own tests.
    const lines = result.diagnostics.filter((d) => d.code !== 'unmapped-criterion').map(formatDiagnostic);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').trimEnd().split('\n');
    expect(lines).toEqual(expected);
    expect(result.ok).toBe(false);
  });
});
