/**
 * The types of control and catalog files are generated from their JSON Schemas (scripts/gen-types.js)
 * and committed: these tests fail when a committed file drifts from its schema, and prove the check
 * notices a schema change.
 */
import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './helpers/run-cli.js';

const generated = ['src/catalog/controls-file.generated.ts', 'src/catalog/catalog-file.generated.ts'];
const genTypes = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, 'scripts', 'gen-types.js'), ...args], { encoding: 'utf8' });

/** A scratch copy of the schemas and the generated files, to change without touching the repository. */
function scratchRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'gen-types-'));
  cpSync(join(repoRoot, 'criteria', 'schema'), join(root, 'criteria', 'schema'), { recursive: true });
  for (const file of generated) cpSync(join(repoRoot, file), join(root, file));
  return root;
}

describe('types generated from the schemas', () => {
  test('the committed files are what the schemas give (else run npm run gen:types)', () => {
    const result = genTypes('--check');
    expect(result.stdout).toBe('');
    expect(result.status).toBe(0);
  });

  test('a field added to the control schema makes the check fail, and generating adds it to RawControl', () => {
    const root = scratchRoot();
    try {
      const schemaFile = join(root, 'criteria', 'schema', 'controls.schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      const field = { type: 'array', items: { type: 'string' }, description: 'Added by the test.' };
      schema.definitions.control.properties.testOnlyField = field;
      writeFileSync(schemaFile, JSON.stringify(schema));

      const check = genTypes('--check', '--root', root);
      expect(check.stdout).toBe(
        'src/catalog/controls-file.generated.ts does not match criteria/schema/controls.schema.json.\n' +
          'Run `npm run gen:types` and commit the result.\n',
      );
      expect(check.status).toBe(1);

      expect(genTypes('--root', root).stdout).toBe('gen-types: wrote src/catalog/controls-file.generated.ts\n');
      const written = readFileSync(join(root, generated[0]!), 'utf8');
      const rawControl = /export interface RawControl \{\n[^]*?\n\}\n/.exec(written)?.[0];
      expect(rawControl).toMatch(/\n {2}\/\*\* Added by the test\. \*\/\n {2}testOnlyField\?: string\[\];\n\}\n$/);
      expect(genTypes('--check', '--root', root).status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('a schema keyword the generator does not understand stops it instead of giving a wrong type', () => {
    const root = scratchRoot();
    try {
      const schemaFile = join(root, 'criteria', 'schema', 'catalog.schema.json');
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      schema.properties.framework = { oneOf: [{ type: 'string' }, { type: 'number' }] };
      writeFileSync(schemaFile, JSON.stringify(schema));
      const result = genTypes('--root', root);
      expect(result.stderr).toBe('gen-types: keyword "oneOf" is not supported\n');
      expect(result.status).toBe(2);
      expect(readFileSync(join(root, generated[1]!), 'utf8')).toBe(readFileSync(join(repoRoot, generated[1]!), 'utf8'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
