/**
 * The operating-history block of `assess` (asked when an engagement is set), in a real
 * pseudo-terminal: answered in part, the process SIGKILLed mid-block, resumed at the first missing
 * field, finished; every field saved once.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KEY, PtySession } from '../helpers/pty.js';
import { OPERATIONS_CONTROLS } from '../helpers/operations-controls.js';

const CONTROLS = OPERATIONS_CONTROLS;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-ops-pty-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(join(dir, 'controls', 'test.yaml'), CONTROLS);
  writeFileSync(
    join(dir, 'soc2-ready.yaml'),
    'controls: controls\nengagement:\n  type: type2\n  windows: [3, 6]\n  fieldworkStart: 2027-07-15\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sessions: PtySession[] = [];
const track = (s: PtySession) => (sessions.push(s), s);
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.kill()));
});

const raw = () => readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8');

describe('assess: the operating-history block in a real pseudo-terminal', () => {
  test('answer part of the block, SIGKILL, resume at the first missing field, finish; saved once', async () => {
    const first = track(new PtySession(['assess'], dir));
    await first.waitFor(/Organization name/);
    await first.type('Ops Co');
    await first.press(KEY.enter);
    for (let i = 1; i <= 9; i++) {
      await first.waitForAnswered(i);
      await first.press(KEY.down, KEY.enter); // "No" to every scoping question
    }
    await first.waitFor(/Optional categories in scope/);
    await first.press(KEY.enter);
    await first.waitFor(/How often are access reviews done\?/);
    await first.press(KEY.enter); // Every quarter
    await first.waitFor(/Operating history of T-01[\s\S]*Record the operating history of T-01 now\?/);
    await first.press(KEY.enter); // Record it
    await first.waitFor(/T-01 operates since \(YYYY-MM-DD, empty if unknown\):/);
    const mark = first.text.length;
    await first.type('2026-13-01'); // not a calendar date: refused, asked again
    await first.press(KEY.enter);
    await first.waitFor(/Write a date as YYYY-MM-DD, or leave it empty\./, mark);
    for (let i = 0; i < 10; i++) await first.press('\u007f'); // backspace
    await first.type('2026-10-15');
    await first.press(KEY.enter);
    await first.waitFor(/T-01 was last performed on/);
    await first.type('2026-10-15');
    await first.press(KEY.enter);
    await first.waitFor(/Does every run of T-01 leave evidence that is kept\?/);
    expect(parse(raw()).operations).toEqual({ 'T-01': { since: '2026-10-15', lastPerformed: '2026-10-15' } });
    await first.kill();

    const second = track(new PtySession(['assess'], dir));
    await second.waitFor(/Resuming soc2-answers\.yaml/);
    await second.waitFor(/Does every run of T-01 leave evidence that is kept\?/);
    expect(second.text).not.toMatch(/Record the operating history of T-01|T-01 operates since|How often are access/);
    await second.press(KEY.down, KEY.down, KEY.enter); // Not kept, Partly kept, Kept for every run
    await second.waitFor(/How long is T-01's evidence kept/);
    await second.type('p400d');
    await second.press(KEY.enter);
    await second.waitFor(/T-02 Offboarding checklist[\s\S]*Is this control in place\?/);
    await second.press(KEY.enter); // the first choice: In place and operating
    await second.waitFor(/Record the operating history of T-02 now\?/);
    await second.press(KEY.down, KEY.enter); // Skip for now
    await second.waitFor(/overall readiness/);
    expect(await second.exit()).toBe(0);

    const text = raw();
    const doc = parse(text);
    expect(doc.operations).toEqual({
      'T-01': {
        since: '2026-10-15',
        lastPerformed: '2026-10-15',
        evidence: 'kept',
        retention: 'P400D',
        at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
      'T-02': { at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) },
    });
    for (const line of ['  T-01:', '    since: "2026-10-15"', '    retention: P400D', '  T-02:', 'operations:'])
      expect(text.split('\n').filter((l) => l === line)).toHaveLength(1);
    expect(Object.keys(doc.answers)).toEqual(['T-01.practice', 'T-02.in-place']);
  }, 90000);
});
