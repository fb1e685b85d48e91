// The code table (src/diagnostic-codes.ts) is the one list of diagnostic codes: both READMEs must agree with it.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES } from '../src/diagnostic-codes.js';
import { repoRoot } from './helpers/run-cli.js';

const read = (file: string) => readFileSync(join(repoRoot, file), 'utf8');
const codes = Object.keys(DIAGNOSTIC_CODES).sort();
const ofSeverity = (severity: string) =>
  Object.entries(DIAGNOSTIC_CODES)
    .filter(([, info]) => info.severity === severity)
    .map(([code]) => code)
    .sort();
const backticked = (text: string) => [...new Set([...text.matchAll(/`([a-z][a-z-]*)`/g)].map((m) => m[1]!))].sort();

/** The paragraph under README.md's "#### Diagnostic codes" heading. */
function readmeSection(): string {
  const readme = read('README.md');
  const start = readme.indexOf('#### Diagnostic codes\n');
  expect(start).toBeGreaterThan(-1);
  const body = readme.slice(start).split('\n\n')[1]!;
  return body.slice(0, body.indexOf('`criteria/README.md`'));
}

describe('diagnostic codes', () => {
  test('README.md lists exactly the codes of the table, and the warnings as warnings', () => {
    const section = readmeSection();
    expect(backticked(section)).toEqual(codes);
    expect(backticked(section.slice(section.indexOf('and the warnings')))).toEqual(ofSeverity('warning'));
  });

  test("criteria/README.md's table gives each content-rule code the table's severity; the rest follow it", () => {
    const text = read('criteria/README.md');
    const rows = [...text.matchAll(/^\| `([a-z-]+)` \| (error|warning) \|/gm)].map((m) => [m[1]!, m[2]!]);
    expect(rows.length).toBeGreaterThan(10);
    for (const [code, level] of rows)
      expect([code, DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]?.severity]).toEqual([code, level]);
    const after = text.slice(text.indexOf('Before these rules run'));
    const listed = [...rows.map(([code]) => code!), ...backticked(after.slice(0, after.indexOf('\n\n')))].sort();
    expect(listed).toEqual(codes);
  });

  test('every code has a one-sentence summary and an anchor that exists in README.md', () => {
    const anchors = [...read('README.md').matchAll(/^#+ (.+)$/gm)].map((m) =>
      m[1]!
        .toLowerCase()
        .replace(/[^a-z0-9 -]/g, '')
        .replace(/ /g, '-'),
    );
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect([code, info.summary]).toEqual([code, expect.stringMatching(/^[A-Z][^.]*\.$/)]);
      expect(anchors).toContain(info.anchor);
    }
  });
});
