/**
 * assess in a real pseudo-terminal against the review's answers-file attacks: two sessions on one
 * file (M7), a killed session's lock (stale), a blank "Not applicable" reason (H2), an answer that
 * no longer fits (M9), a note typed before Ctrl-C, and escape sequences in control files (M3).
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KEY, PtySession } from '../helpers/pty.js';

const CONTROLS = `controls:
  - id: T-01
    title: "Quarterly access reviews\\e]0;pwned-title\\a\\e[2J"
    criteria: [CC6.2]
    questions:
      - id: T-01.practice
        text: "How often are access reviews done?\\e]0;pwned-q\\a"
        choices:
          - { value: quarterly, label: "Every quarter\\r\\e[KOVERWRITTEN", score: 1 }
          - { value: never, label: Never, score: 0 }
  - id: T-02
    title: Change approval
    criteria: [CC8.1]
    questions:
      - id: T-02.approval
        text: Is every production change approved by a second person?
        choices:
          - { value: always, label: Always, score: 1 }
          - { value: never, label: Never, score: 0 }
`;

const root = mkdtempSync(join(tmpdir(), 'soc2-assess-safety-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let n = 0;
beforeEach(() => {
  dir = join(root, `p${n++}`);
  mkdirSync(join(dir, 'controls'), { recursive: true });
  writeFileSync(join(dir, 'controls', 'test.yaml'), CONTROLS);
  answers('{}');
});

/** An answers file that already has organization and scope, so assess starts at the questions. */
function answers(body: string): void {
  writeFileSync(
    join(dir, 'a.yaml'),
    `version: 1\norganization: Acme\nscope: [security]\ncontrols: controls\nscoping: {}\nanswers: ${body}\n`,
  );
}

const saved = () => parse(readFileSync(join(dir, 'a.yaml'), 'utf8')).answers;

const sessions: PtySession[] = [];
const start = () => {
  const s = new PtySession(['assess', '--answers', 'a.yaml'], dir);
  sessions.push(s);
  return s;
};
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.kill()));
});

describe('one assess per answers file (M7)', () => {
  test('a second session stops with exit 2; after the first is killed (-9) its stale lock is recovered', async () => {
    const first = start();
    await first.waitFor(/How often are access reviews done/);
    const second = start();
    expect(await second.exit()).toBe(2);
    expect(second.text).toMatch(
      /soc2-ready: a\.yaml is open in another soc2-ready assess \(process \d+\)\.\r?\n {2}Finish or stop that session first\. If none is running, delete a\.yaml\.lock\./,
    );
    // SIGKILL to the CLI itself (its pid is in the lock): no chance to remove the lock.
    const pid = Number(readFileSync(join(dir, 'a.yaml.lock'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await first.exit();
    expect(existsSync(join(dir, 'a.yaml.lock'))).toBe(true);
    const third = start();
    await third.waitFor(/How often are access reviews done/);
    await third.press(KEY.enter);
    await third.waitForAnswered(1);
    expect(saved()['T-01.practice'].value).toBe('quarterly');
  });
});

describe('answers that no longer fit', () => {
  test('a blank "Not applicable" reason is asked again, never saved (H2)', async () => {
    const s = start();
    await s.waitFor(/How often are access reviews done/);
    await s.press(KEY.down, KEY.down, KEY.down, KEY.enter);
    await s.waitFor(/Why does this not apply\?/);
    await s.type('   ');
    await s.press(KEY.enter);
    await s.waitFor(/Please type a reason\./);
    await s.type('Fully remote');
    await s.press(KEY.enter);
    await s.waitFor(/Is every production change approved/);
    expect(saved()['T-01.practice']).toMatchObject({ value: 'not-applicable', reason: 'Fully remote' });
  });

  test('a value that is not a choice any more, or N/A without a reason, is asked again (M9)', async () => {
    answers('{T-01.practice: {value: bogus-value}, T-02.approval: {value: not-applicable, reason: " "}}');
    const s = start();
    await s.waitFor(/How often are access reviews done/);
    await s.press(KEY.enter);
    await s.waitFor(/Is every production change approved/);
    // "Not applicable" stays the default; only the missing reason is asked for.
    await s.press(KEY.enter);
    await s.waitFor(/Why does this not apply\?/);
    await s.type('Remote');
    await s.press(KEY.enter);
    expect(await s.exit()).toBe(0);
    expect(saved()['T-01.practice'].value).toBe('quarterly');
    expect(saved()['T-02.approval']).toMatchObject({ value: 'not-applicable', reason: 'Remote' });
  });

  test('a note typed before any answer is shown again on Ctrl-C (exit 130), not lost', async () => {
    const s = start();
    await s.waitFor(/How often are access reviews done/);
    await s.press(KEY.down, KEY.down, KEY.down, KEY.down, KEY.down, KEY.enter);
    await s.waitFor(/Note \(leave empty to remove\)/);
    await s.type('ask Dana');
    await s.press(KEY.enter);
    await s.waitFor(/Edit the note \(ask Dana\)/);
    await s.press(KEY.ctrlC);
    expect(await s.exit()).toBe(130);
    expect(s.text).toContain('The note you typed for T-01.practice is not saved (no answer was chosen yet): ask Dana');
  });
});

describe('escape sequences from control files are shown, not obeyed (M3)', () => {
  test('titles, questions and labels reach the terminal inert', async () => {
    const s = start();
    await s.waitFor(/How often are access reviews done/);
    expect(s.text).not.toMatch(/\u001b\]0;|\u0007/);
    expect(s.text).toContain('T-01 Quarterly access reviews\\e]0;pwned-title\\a\\e[2J');
    expect(s.text).toContain('How often are access reviews done?\\e]0;pwned-q\\a');
    expect(s.text).toContain('Every quarter\\r\\e[KOVERWRITTEN');
  });
});
