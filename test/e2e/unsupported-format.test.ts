// An unsupported --format (or a format another command has) is a usage error naming the command's formats.
import { expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputFormats, diffOutputFormats, reportOutputFormats } from '../../src/cli/formats.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const example = join(repoRoot, 'examples', 'mature-saas');

// The lists come from the registry, whose exact contents test/formats/registry.test.ts pins.
const names = (formats: object) => Object.keys(formats).join(', ');

test.each([
  [['check', '--format', 'html'], names(checkOutputFormats)],
  [['report', '--format', 'xlsx'], names(reportOutputFormats)],
  [['diff', 'answers.yaml', 'answers.yaml', '--format', 'sarif'], names(diffOutputFormats)],
])('%j exits 2 naming the supported formats', (args, supported) => {
  const r = runCli(args, { cwd: example });
  expect(r).toEqual({
    status: 2,
    stdout: '',
    stderr: `soc2-ready: Unknown format "${args[args.length - 1]}".\n  Use one of: ${supported}.\n`,
  });
});

test('diff -o infers the format from the extension, like check and report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-diff-out-'));
  try {
    const r = runCli(['diff', 'answers.yaml', 'answers.yaml', '-o', join(dir, 'diff.json')], { cwd: example });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^Wrote json diff to .*diff\.json\n$/);
    expect(JSON.parse(readFileSync(join(dir, 'diff.json'), 'utf8')).regression).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
