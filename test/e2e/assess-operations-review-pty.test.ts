/**
 * `assess --review` over controls whose operating history is already recorded, in a real
 * pseudo-terminal: the recorded history is shown and kept with Enter (the file's `operations:`
 * stays byte for byte), a skipped block stays skipped, and "Change it" asks each field with the
 * recorded value as default, so changing or clearing one value touches only that value.
 */
import { afterAll, afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KEY, PtySession } from '../helpers/pty.js';
import { OPERATIONS_CONTROLS } from '../helpers/operations-controls.js';

const CONTROLS = `${OPERATIONS_CONTROLS}  - id: T-03
    title: Monthly vulnerability scan
    criteria: [CC7.1]
    frequency: monthly
`;

// As the answers writer lays it out, so a rewrite of the file reproduces this section exactly.
const OPERATIONS = `operations:
  T-01:
    since: "2026-04-01"
    lastPerformed: "2026-10-15"
    evidence: kept
    retention: P1Y
    at: "2026-10-20T09:00:00.000Z"
  T-02:
    since: "2025-09-01"
    evidence: partial
    retention: P90D
    eventsPerMonth: 0.5
    note: Checklist in the HR tool
    at: "2026-10-20T09:05:00.000Z"
  T-03:
    at: "2026-10-20T09:10:00.000Z"
`;

const ANSWERS = `version: 1
organization: Review Co
scope:
  - security
created: "2026-10-20T08:00:00.000Z"
updated: "2026-10-20T09:10:00.000Z"
scoping: {}
answers:
  T-01.practice:
    value: quarterly
    at: "2026-10-20T08:10:00.000Z"
  T-02.in-place:
    value: operating
    at: "2026-10-20T08:20:00.000Z"
  T-03.in-place:
    value: operating
    at: "2026-10-20T08:30:00.000Z"
${OPERATIONS}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-ops-review-pty-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(join(dir, 'controls', 'test.yaml'), CONTROLS);
  writeFileSync(
    join(dir, 'soc2-ready.yaml'),
    'controls: controls\nengagement:\n  type: type2\n  windows: [3, 6]\n  fieldworkStart: 2027-07-15\n',
  );
  writeFileSync(join(dir, 'soc2-answers.yaml'), ANSWERS);
});

const sessions: PtySession[] = [];
const track = (s: PtySession) => (sessions.push(s), s);
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.kill()));
  rmSync(dir, { recursive: true, force: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const raw = () => readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8');
const operationsText = () => raw().slice(raw().indexOf('\noperations:\n') + 1);
/** The lines of `operations:` that differ from the recorded ones (same line count expected). */
const changedLines = (text: string) => {
  const before = OPERATIONS.split('\n');
  return text.split('\n').flatMap((line, i) => (line === before[i] ? [] : [`${before[i]} -> ${line}`]));
};
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('assess --review over a recorded operating history, in a real pseudo-terminal', () => {
  test('Enter through every control keeps every recorded history byte for byte, and the skipped one skipped', async () => {
    const s = track(new PtySession(['assess', '--review'], dir));
    await s.waitFor(/How often are access reviews done\?/);
    let mark = s.text.length;
    await s.press(KEY.enter); // the recorded "Every quarter"
    await s.waitFor(
      /Operating history of T-01[^\n]*\s+Recorded: since 2026-04-01 · last performed 2026-10-15 · evidence: Kept \(P1Y\)\s+\? Keep the recorded operating history of T-01\?\s+❯ Keep it as recorded\s+Change it/,
      mark,
    );
    await s.press(KEY.enter);
    await s.waitFor(/T-02 Offboarding checklist[\s\S]*Is this control in place\?/, mark);
    mark = s.text.length;
    await s.press(KEY.enter); // the recorded "In place and operating"
    await s.waitFor(
      /Recorded: since 2025-09-01 · evidence: Partly kept \(P90D\) · 0\.5 events a month · note: Checklist in the HR tool\s+\? Keep the recorded operating history of T-02\?/,
      mark,
    );
    await s.press(KEY.enter);
    await s.waitFor(/T-03 Monthly vulnerability scan[\s\S]*Is this control in place\?/, mark);
    mark = s.text.length;
    await s.press(KEY.enter);
    // Skipped before: the skip is the default, as a recorded answer is.
    await s.waitFor(/Record the operating history of T-03 now\?\s+Record it[^\n]*\s+❯ Skip for now/, mark);
    await s.press(KEY.enter);
    await s.waitFor(/overall readiness/, mark);
    expect(await s.exit()).toBe(0);

    expect(s.text).not.toMatch(/operates since|last performed on|leave evidence that is kept|How long is/);
    expect(operationsText()).toBe(OPERATIONS);
    // The ordinary answer kept its recorded value too.
    expect(parse(raw()).answers['T-01.practice']).toEqual({ value: 'quarterly', at: expect.stringMatching(AT) });
  }, 60000);

  test('"Change it": Enter keeps each recorded value, a typed one changes only that value', async () => {
    const s = track(new PtySession(['assess', '--review', '--control', 'T-01'], dir));
    await s.waitFor(/How often are access reviews done\?/);
    await s.press(KEY.enter);
    await s.waitFor(/Keep the recorded operating history of T-01\?/);
    await s.press(KEY.down, KEY.enter); // Change it
    await s.waitFor(/T-01 operates since \(YYYY-MM-DD, empty if unknown\): \(2026-04-01\)/);
    await s.press(KEY.enter);
    await s.waitFor(/T-01 was last performed on \(YYYY-MM-DD, empty if unknown\): \(2026-10-15\)/);
    expect(operationsText()).toBe(OPERATIONS); // Enter saved the recorded date unchanged
    await s.type('2026-11-02');
    await s.press(KEY.enter);
    await s.waitFor(
      /Does every run of T-01 leave evidence that is kept\?\s+Not kept\s+Partly kept\s+❯ Kept for every run/,
    );
    // Saved before the next prompt.
    expect(parse(raw()).operations['T-01'].lastPerformed).toBe('2026-11-02');
    await s.press(KEY.enter);
    await s.waitFor(/How long is T-01's evidence kept \(e\.g\. P90D, P1Y; empty if never deleted\)\? \(P1Y\)/);
    await s.press(KEY.enter);
    await s.waitFor(/overall readiness/);
    expect(await s.exit()).toBe(0);

    const at = parse(raw()).operations['T-01'].at as string;
    expect(at).toMatch(AT);
    expect(changedLines(operationsText())).toEqual([
      '    lastPerformed: "2026-10-15" ->     lastPerformed: "2026-11-02"',
      `    at: "2026-10-20T09:00:00.000Z" ->     at: "${at}"`,
    ]);
  }, 60000);

  test('"Change it": a recorded value cleared with Backspace is removed, the others stay', async () => {
    const s = track(new PtySession(['assess', '--review', '--control', 'T-02'], dir));
    await s.waitFor(/Is this control in place\?/);
    await s.press(KEY.enter);
    await s.waitFor(/Keep the recorded operating history of T-02\?/);
    await s.press(KEY.down, KEY.enter);
    await s.waitFor(/T-02 operates since \(YYYY-MM-DD, empty if unknown\): \(2025-09-01\)/);
    const mark = s.text.length;
    await s.press('\u007f'); // Backspace on the empty line clears the default
    await s.press(KEY.enter);
    await s.waitFor(/About how many T-02 events a month\? \(0\.5\)/, mark);
    expect(parse(raw()).operations['T-02']).not.toHaveProperty('since');
    await s.press(KEY.enter);
    await s.waitFor(/Does every run of T-02 leave evidence that is kept\?/);
    await s.press(KEY.enter);
    await s.waitFor(/How long is T-02's evidence kept[^\n]*\(P90D\)/);
    await s.press(KEY.enter);
    await s.waitFor(/overall readiness/);
    expect(await s.exit()).toBe(0);

    expect(parse(raw()).operations).toEqual({
      'T-01': parse(OPERATIONS).operations['T-01'],
      'T-02': {
        evidence: 'partial',
        retention: 'P90D',
        eventsPerMonth: 0.5,
        note: 'Checklist in the HR tool',
        at: expect.stringMatching(AT),
      },
      'T-03': { at: '2026-10-20T09:10:00.000Z' },
    });
  }, 60000);
});
