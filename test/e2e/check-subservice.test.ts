// Subservice entries that contradict the rest of soc2-ready.yaml: warnings through the built CLI.
import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder holding only soc2-ready.yaml, so `check` runs the built-in library under that config. */
function project(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-subservice-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'soc2-ready.yaml'), config);
  return dir;
}

const warnings = (stdout: string) => stdout.split('\n').filter((l) => l.includes('  warning  '));

describe('check: subservice entries that contradict the config (spawned)', () => {
  test('a criterion both excluded and carved out is a warning at the exclusion; exit 0', () => {
    const cwd = project(
      [
        'exclusions:',
        '  - criterion: CC6.4',
        '    reason: The data centres are run by AWS.',
        'subservice:',
        '  - name: AWS',
        '    method: carve-out',
        '    criteria: [CC6.4]',
        '    monitoredBy: [VND-03]',
        '',
      ].join('\n'),
    );
    const r = runCli(['check'], { cwd });
    expect(r.stderr).toBe('');
    expect(warnings(r.stdout)).toEqual([
      'soc2-ready.yaml:2:16  warning  excluded-subservice-criterion  Criterion "CC6.4" is excluded, but subservice organisation "AWS" (carve-out) keeps it in scope. Keep the exclusion only if CC6.4 truly does not apply to the system; otherwise remove it and rely on the carve-out: its CSOCs and your own controls that monitor the provider.',
    ]);
    expect(r.stdout).toContain('✔ All 33 in-scope criteria are mapped or excluded; no errors, 1 warning.');
    expect(r.status).toBe(0);
  });

  test('without the exclusion the same carve-out gives no warning', () => {
    const cwd = project(
      'subservice:\n  - name: AWS\n    method: carve-out\n    criteria: [CC6.4]\n    monitoredBy: [VND-03]\n',
    );
    const r = runCli(['check'], { cwd });
    expect(warnings(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });

  test('a monitoredBy control out of the selected scope is a warning at that entry; --scope availability clears it', () => {
    const cwd = project(
      'subservice:\n  - name: AWS\n    method: carve-out\n    criteria: [CC6.4]\n    monitoredBy: [VND-03, BCP-07]\n',
    );
    const security = runCli(['check'], { cwd });
    expect(warnings(security.stdout)).toEqual([
      'soc2-ready.yaml:5:27  warning  out-of-scope-monitor  Subservice organisation "AWS" is monitored by "BCP-07", which is out of scope (its home category, availability, is not in scope), so it is neither asked nor scored. Bring availability into scope ("scope:" in soc2-ready.yaml, or --scope), or name an in-scope control that monitors the provider.',
    ]);
    expect(security.status).toBe(0);
    const availability = runCli(['check', '--scope', 'availability'], { cwd });
    expect(warnings(availability.stdout)).toEqual([]);
    expect(availability.status).toBe(0);
  });
});

describe('report: the same warnings do not stop it, and do not pass unseen (spawned)', () => {
  test('one note on stderr counts them and points to check; the report is still written; exit 0', () => {
    const subservice =
      'subservice:\n  - name: AWS\n    method: carve-out\n    criteria: [CC6.4]\n    monitoredBy: [VND-03]\n';
    const answers = 'version: 1\nscope: [security]\ncontrols: builtin\nanswers: {}\n';
    const clean = project(subservice);
    const warned = project(`exclusions:\n  - criterion: CC6.4\n    reason: Run by AWS.\n${subservice}`);
    for (const cwd of [clean, warned]) writeFileSync(join(cwd, 'soc2-answers.yaml'), answers);
    const env = { SOURCE_DATE_EPOCH: '1790000000' };
    const before = runCli(['report', '--format', 'md'], { cwd: clean, env });
    const after = runCli(['report', '--format', 'md'], { cwd: warned, env });
    expect(before.stderr).toBe('');
    expect(after.stderr).toBe(
      'Note: 1 warning about the controls or config (first: excluded-subservice-criterion at soc2-ready.yaml:2:16); run `soc2-ready check` to see them.\n',
    );
    expect(after.status).toBe(0);
    expect(after.stdout).toContain('CC6.4');
  });
});
