import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unknownIdHint } from '../../src/text/suggest.js';
import { runCli } from '../helpers/run-cli.js';

const IDS = ['CC1.1', 'CC1.2', 'CC6.1', 'A1.2'];

describe('unknownIdHint', () => {
  test('an ASCII typo gets the nearest ids', () => {
    expect(unknownIdHint('CC1.3', IDS)).toBe('Did you mean "CC1.1" or "CC1.2"?');
  });

  test('look-alike letters are named by code point, and read as the letters they imitate', () => {
    // Cyrillic С (U+0421) twice: the id looks exactly like CC6.1.
    expect(unknownIdHint('\u0421\u04216.1', IDS)).toBe(
      'It contains U+0421, which is not ASCII (a look-alike letter typed or pasted by mistake?). Did you mean "CC6.1"?',
    );
    // Greek Α (U+0391) and a zero-width space (U+200B).
    expect(unknownIdHint('\u03911.2\u200b', IDS)).toBe(
      'It contains U+0391, U+200B, which are not ASCII (a look-alike letter typed or pasted by mistake?). Did you mean "A1.2"?',
    );
  });

  test('nothing near: the fallback, or nothing at all', () => {
    expect(unknownIdHint('ZZ9.9', IDS, 'Run `soc2-ready criteria`.')).toBe('Run `soc2-ready criteria`.');
    expect(unknownIdHint('ZZ9.9', IDS)).toBeUndefined();
  });
});

test('check names the Cyrillic letters in a criterion id and suggests the id it imitates (spawned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-lookalike-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(
    join(dir, 'controls', 'c.yaml'),
    'controls:\n  - { id: ACC-01, title: Access reviews, criteria: [\u0421\u04216.1] }\n',
  );
  const r = runCli(['check', '--controls', 'controls'], { cwd: dir });
  rmSync(dir, { recursive: true, force: true });
  expect(r.status).toBe(1);
  expect(r.stdout).toContain(
    'controls/c.yaml:2:53  error  unknown-criterion  Control "ACC-01" maps to "\u0421\u04216.1", which is not a TSC 2017 criterion. It contains U+0421, which is not ASCII (a look-alike letter typed or pasted by mistake?). Did you mean "CC6.1"?',
  );
});
