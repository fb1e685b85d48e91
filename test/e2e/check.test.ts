import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputFormats } from '../../src/cli/formats.js';
import { runCli } from '../helpers/run-cli.js';

/** From the registry, whose exact contents test/formats/registry.test.ts pins. */
const checkFormatNames = Object.keys(checkOutputFormats).join(', ');

const ESC = '\u001b[';

describe('soc2-ready check (spawned)', () => {
  test('the built-in library passes with every category in scope: exit 0', () => {
    const r = runCli(['check', '--scope', 'all']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('✔ All 61 in-scope criteria are mapped or excluded; no errors.');
  });

  test('a three-field inventory covering Security passes: exit 0', () => {
    const r = runCli(['check', '--controls', 'examples/inventories/startup/controls']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('(15 controls from examples/inventories/startup/controls; scope: security)');
  });

  test('a broken inventory fails with exact file:line:col diagnostics: exit 1', () => {
    const r = runCli(['check', '--controls', 'examples/inventories/broken/controls']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.includes('  error  '));
    const file = 'examples/inventories/broken/controls/inventory.yaml';
    expect(lines).toEqual([
      `${file}:4:9  error  duplicate-id  Control id "GOV-01" is defined more than once (also at ${file}:7:9). Give each control its own id.`,
      `${file}:6:23  error  unknown-criterion  Control "GOV-01" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.1" or "CC9.2"?`,
      `${file}:7:9  error  duplicate-id  Control id "GOV-01" is defined more than once (also at ${file}:4:9). Give each control its own id.`,
      `${file}:13:13  error  schema  "weight" of control "ACC-01" must be <= 3 (got 5).`,
    ]);
    expect(r.stdout).toMatch(/✖ 35 errors, 0 warnings; 31 of 33 in-scope criteria unmapped\./);
  });

  test('--format json prints one JSON document with the contract fields', () => {
    const r = runCli([
      'check',
      '--controls',
      'examples/inventories/startup/controls',
      '--scope',
      'availability',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      'ok',
      'scope',
      'unmapped',
      'excluded',
      'coverage',
      'categories',
      'controls',
      'diagnostics',
    ]);
    expect(json.ok).toBe(false);
    expect(json.scope).toEqual(['security', 'availability']);
    expect(json.unmapped).toEqual(['A1.1', 'A1.2', 'A1.3']);
    expect(json.coverage['CC6.1']).toEqual(['ACC-01']);
    expect(Object.keys(json.coverage)).toHaveLength(61);
    expect(json.diagnostics[0]).toEqual({
      code: 'unmapped-criterion',
      severity: 'error',
      message:
        'Criterion "A1.1" (Managing capacity to meet demand and availability commitments) is in scope but no control maps to it.',
      file: 'examples/inventories/startup/controls',
      line: null,
      column: null,
      hint: 'Map a control to A1.1, or exclude it in soc2-ready.yaml with a reason.',
    });
  });

  test('config: exclusions are reported as excluded, never unmapped; scope and controls come from soc2-ready.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-check-'));
    try {
      mkdirSync(join(dir, 'ctl'));
      writeFileSync(join(dir, 'ctl', 'a.yaml'), 'controls:\n  - { id: A-1, title: Backups, criteria: [A1.2, A1.3] }\n');
      writeFileSync(
        join(dir, 'soc2-ready.yaml'),
        'controls: ctl\nscope: [availability]\nexclusions:\n  - { criterion: A1.1, reason: Capacity is managed by the platform provider }\n',
      );
      const r = runCli(['check', '--format', 'json'], { cwd: dir });
      const json = JSON.parse(r.stdout);
      expect(json.excluded).toEqual([{ criterion: 'A1.1', reason: 'Capacity is managed by the platform provider' }]);
      expect(json.unmapped).not.toContain('A1.1');
      expect(json.unmapped).toHaveLength(33);
      expect(json.diagnostics.find((d: { code: string }) => d.code === 'unmapped-criterion').file).toBe(
        'soc2-ready.yaml',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test.each([
    [['check', '--bogus'], /error: unknown option '--bogus'/],
    [['check', '--controls', 'no/such/dir'], /soc2-ready: Controls folder "no\/such\/dir" does not exist\./],
    [['check', '--controls', 'templates'], /holds no \.yaml or \.yml files/],
    [['check', '--scope', 'availabilty'], /Unknown scope category "availabilty"\.\n {2}Did you mean "availability"\?/],
    [['check', '--format', 'xml'], new RegExp(`Unknown format "xml"\\.\\n {2}Use one of: ${checkFormatNames}\\.`)],
    [['check', '--format', 'json', '--format', 'junit'], /Only one output can go to stdout\./],
    [['nonsense'], /unknown command 'nonsense'/],
    [['check', 'extra-arg'], /too many arguments/],
  ])('usage error %j exits 2 with one clear line and no stack trace', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  test('a 10 MB file gets a diagnostic, not a hang', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soc2-big-'));
    try {
      writeFileSync(
        join(dir, 'big.yaml'),
        `controls:\n${'  - { id: X, title: y, criteria: [CC1.1] }\n'.repeat(250_000)}`,
      );
      const r = runCli(['check', '--controls', dir, '--format', 'json']);
      expect(r.status).toBe(1);
      const d = JSON.parse(r.stdout).diagnostics.find((x: { code: string }) => x.code !== 'unmapped-criterion');
      expect([d.code, d.message]).toEqual([
        'file-too-large',
        'File is 10.3 MB; control and answer files are limited to 4 MB.',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('colour: never in pipes or with NO_COLOR; FORCE_COLOR turns it on; --no-color wins', () => {
    const args = ['check', '--controls', 'examples/inventories/broken/controls'];
    expect(runCli(args).stdout).not.toContain(ESC);
    expect(runCli(args, { env: { NO_COLOR: undefined } }).stdout).not.toContain(ESC);
    expect(runCli(args, { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(`${ESC}31m`);
    expect(runCli([...args, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(
      ESC,
    );
  });
});

describe('soc2-ready --help and criteria', () => {
  test('--help lists the commands and exits 0', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: soc2-ready \[options\] \[command\]/);
    expect(r.stdout).toMatch(/check \[options\]/);
    expect(r.stdout).toContain(
      '  SOC2_READY_CACHE=off (no parse cache in ~/.cache/soc2-ready; it is always off when CI is set)\n',
    );
  });

  test('check --help shows examples', () => {
    expect(runCli(['check', '--help']).stdout).toContain('$ soc2-ready check --controls compliance/controls');
  });

  test('criteria --format json lists the 61 criteria in AICPA order with points of focus', () => {
    const r = runCli(['criteria', '--format', 'json']);
    const list = JSON.parse(r.stdout) as { id: string; category: string; pointsOfFocus: string[] }[];
    expect(list).toHaveLength(61);
    expect(list[0]).toMatchObject({ id: 'CC1.1', category: 'security', series: 'CC1 Control Environment' });
    expect(list[0]!.pointsOfFocus).toHaveLength(5);
    expect(list.map((c) => c.id).slice(33, 38)).toEqual(['A1.1', 'A1.2', 'A1.3', 'C1.1', 'C1.2']);
  });

  test('criteria --category privacy --focus prints the 18 privacy criteria with their prompts', () => {
    const r = runCli(['criteria', '--category', 'privacy', '--focus']);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^ {2}P\d\.\d /gm)).toHaveLength(18);
    expect(r.stdout).toContain('18 criteria.');
  });

  test('criteria --category nope exits 2', () => {
    const r = runCli(['criteria', '--category', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Unknown category "nope".');
  });
});
