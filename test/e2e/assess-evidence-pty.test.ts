// `assess` in a real pseudo-terminal records an evidence reference: the last menu entry of a question,
// a path relative to the answers file, the collection date; the file's SHA-256 is filled in.
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { KEY, PtySession } from '../helpers/pty.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-pty-evidence-'));
  mkdirSync(join(dir, 'controls'));
  mkdirSync(join(dir, 'evidence'));
  writeFileSync(
    join(dir, 'controls', 'c.yaml'),
    'controls:\n  - id: T-02\n    title: Code of conduct\n    criteria: [CC1.1]\n',
  );
  writeFileSync(join(dir, 'evidence', 'code-of-conduct.pdf'), 'signed code of conduct');
  writeFileSync(
    join(dir, 'soc2-answers.yaml'),
    'version: 1\norganization: Pty Co\nscope: [security]\ncontrols: controls\nanswers: {}\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sessions: PtySession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.kill()));
});

test('choose "Add evidence", give a path and a date, then answer: the reference is saved with its hash', async () => {
  const s = new PtySession(['assess'], dir);
  sessions.push(s);
  await s.waitFor(/T-02 Code of conduct[\s\S]*Is this control in place\?/);
  // The menu does not wrap: enough downs land on its last entry, "Add evidence for this control".
  await s.press(...Array.from({ length: 12 }, () => KEY.down));
  await s.waitFor(/Add evidence for this control/);
  await s.press(KEY.enter);
  await s.waitFor(/a file path \(relative to the answers file\), a URL or a ticket id/);
  await s.type('evidence/code-of-conduct.pdf');
  await s.press(KEY.enter);
  await s.waitFor(/Collected on \(YYYY-MM-DD\)/);
  await s.type('2026-10-02');
  // Marked before Enter: the question can be redrawn before press() returns.
  const mark = s.text.length;
  await s.press(KEY.enter);
  await s.waitFor(/\(1 recorded\)|Is this control in place\?/, mark);
  await s.press(KEY.enter); // the first choice: in place and operating
  await s.waitFor(/overall readiness/i);
  const doc = parse(readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8'));
  expect(doc.evidence).toEqual({
    'T-02': [
      {
        ref: 'evidence/code-of-conduct.pdf',
        collected: '2026-10-02',
        sha256: createHash('sha256').update('signed code of conduct').digest('hex'),
      },
    ],
  });
  expect(doc.answers['T-02.in-place'].value).toBe('operating');
});
