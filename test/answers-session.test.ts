// The answers session (src/project/answers-session.ts): the one writer of the answers file during assess.
import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AnswersSession } from '../src/project/answers-session.js';
import { loadWorkspace } from '../src/project/workspace.js';

const CONTROLS = `controls:
  - id: Z-01
    title: Quarterly access reviews
    criteria: [CC6.2]
    questions:
      - id: Z-01.practice
        text: How often are access reviews done?
        choices: [{ value: never, score: 0 }, { value: quarterly, score: 1 }]
  - id: A-02
    title: Availability monitoring
    criteria: [A1.1]
`;

let dir: string;
let clock: number;
const now = () => `2026-11-22T10:00:0${clock++}.000Z`;
const onDisk = () => parse(readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-session-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(join(dir, 'controls', 'c.yaml'), CONTROLS);
  clock = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('every change is saved at once, stamped with the time, answers in questionnaire order', () => {
  const session = new AnswersSession(
    loadWorkspace({ controls: 'controls', cwd: dir, now: now(), mustExist: false }),
    now,
  );
  session.setOrganization('Acme');
  expect(onDisk()).toMatchObject({ organization: 'Acme', updated: '2026-11-22T10:00:01.000Z', answers: {} });
  session.setScoping('availability.customers', 'yes');
  session.setScope(['security', 'availability']);
  // A-02 (A1.1) follows Z-01 (CC6.2) in the questionnaire: catalog order, not the order answered or the ids' order.
  session.answer('A-02.in-place', { value: 'yes' });
  session.answer('Z-01.practice', { value: 'quarterly', note: 'Signed in Jira.' });
  const saved = onDisk();
  expect(saved).toMatchObject({
    organization: 'Acme',
    scope: ['security', 'availability'],
    scoping: { 'availability.customers': 'yes' },
    updated: '2026-11-22T10:00:05.000Z',
  });
  expect(Object.keys(saved.answers)).toEqual(['Z-01.practice', 'A-02.in-place']);
  expect(session.doc.answers['Z-01.practice']).toEqual({ value: 'quarterly', note: 'Signed in Jira.' });
});

test('prepare (run while the first question waits) writes nothing; saves after it are the same bytes', () => {
  const file = join(dir, 'soc2-answers.yaml');
  const start = [
    'version: 1',
    'organization: Acme',
    'scope: [security, availability]',
    'answers:',
    '  A-02.in-place: { value: "no", note: kept }',
    '  GONE-01.q: { value: "yes" }',
    '  Z-01.practice: { value: never }',
    '',
  ].join('\n');
  const run = (prepare: boolean) => {
    writeFileSync(file, start);
    clock = 0;
    const session = new AnswersSession(
      loadWorkspace({ controls: 'controls', cwd: dir, now: now(), mustExist: true }),
      now,
    );
    if (prepare) session.prepare();
    expect(readFileSync(file, 'utf8')).toBe(start);
    session.answer('Z-01.practice', { value: 'quarterly' });
    const first = readFileSync(file, 'utf8');
    session.setNote('A-02.in-place', 'changed');
    return [first, readFileSync(file, 'utf8')];
  };
  const prepared = run(true);
  expect(prepared).toEqual(run(false));
  expect(prepared[1]).toContain(
    '  Z-01.practice:\n    value: quarterly\n  A-02.in-place:\n    value: "no"\n    note: changed\n',
  );
});
