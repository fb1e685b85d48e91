import { afterEach, describe, expect, test } from '@jest/globals';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-engagement-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true });
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('engagement and operations inputs (spawned CLI)', () => {
  test('an engagement date that is not in the calendar stops report with file:line:col, exit 1', () => {
    const dir = copyExample('early-stage-saas');
    const config = readFileSync(join(dir, 'soc2-ready.yaml'), 'utf8');
    writeFileSync(join(dir, 'soc2-ready.yaml'), `${config}engagement:\n  type: type1\n  asOf: 2027-02-30\n`);
    const line = config.split('\n').length + 2;
    const r = runCli(['report', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `soc2-ready.yaml:${line}:9  error  schema  engagement.asOf "2027-02-30" is not a calendar date. Write a real date as YYYY-MM-DD.\n` +
        'soc2-ready: soc2-ready.yaml is not valid.\n',
    );
  });

  test('a bad retention in the answers file stops report with file:line:col, exit 1', () => {
    const dir = copyExample('early-stage-saas');
    const answers = readFileSync(join(dir, 'answers.yaml'), 'utf8');
    appendFileSync(join(dir, 'answers.yaml'), 'operations:\n  BCK-01:\n    retention: 30 days\n');
    const line = answers.split('\n').length + 2;
    const r = runCli(['report', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      `answers.yaml:${line}:16  error  schema  "retention" of operation "BCK-01" "30 days" has the wrong form. Write it as an ISO 8601 duration in years, months, weeks or days, e.g. P30D, P13M, P1Y.`,
    );
  });
});
