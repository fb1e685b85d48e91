import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-init-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('soc2-ready init', () => {
  test('copies the library and a config that `check` accepts as is', () => {
    const dir = tempDir();
    const r = runCli(['init', '--organization', 'Acme Cloud'], { cwd: dir });
    expect(r.status).toBe(0);
    const shipped = readdirSync(join(process.cwd(), 'criteria', 'controls'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(
      readdirSync(join(dir, 'controls'))
        .filter((f) => f.endsWith('.yaml'))
        .sort(),
    ).toEqual(shipped);
    expect(readFileSync(join(dir, 'soc2-ready.yaml'), 'utf8')).toContain('organization: "Acme Cloud"');
    expect(readFileSync(join(dir, 'controls', 'access.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./.schema/controls.schema.json',
    );
    expect(existsSync(join(dir, 'controls', '.schema', 'controls.schema.json'))).toBe(true);
    const check = runCli(['check', '--format', 'json'], { cwd: dir });
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout).controls).toBeGreaterThanOrEqual(100);
  });

  test('refuses to overwrite without --force (exit 2, nothing changed), overwrites with it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'soc2-ready.yaml'), 'organization: Mine\n');
    const r = runCli(['init'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('soc2-ready: Not overwriting existing files: soc2-ready.yaml.');
    expect(r.stderr).toContain('Pass --force to replace them');
    expect(readFileSync(join(dir, 'soc2-ready.yaml'), 'utf8')).toBe('organization: Mine\n');
    expect(existsSync(join(dir, 'controls'))).toBe(false);
    expect(runCli(['init', '--force'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, 'soc2-ready.yaml'), 'utf8')).toContain('organization: "Your Company"');
  });

  test('init into a sub-folder prints the --config to use', () => {
    const dir = tempDir();
    const r = runCli(['init', 'compliance'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('soc2-ready check --config compliance/soc2-ready.yaml');
    expect(runCli(['check', '--config', 'compliance/soc2-ready.yaml'], { cwd: dir }).status).toBe(0);
  });
});
