// `assess` driven through an injected prompter: the flow, hints, notes, N/A reasons, review and stale
// answers, without a terminal (the real-terminal path is covered by test/e2e/assess-pty.test.ts).
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runAssess } from '../src/cli/commands/assess.js';
import { fakeIo, type FakeIo } from './helpers/io.js';
import type { Prompter, SelectChoice } from '../src/cli/prompter.js';
import { InterruptedError } from '../src/errors.js';

const CONTROLS = `controls:
  - id: T-01
    title: Quarterly access reviews
    criteria: [CC6.2]
    questions:
      - id: T-01.practice
        text: How often are access reviews done?
        choices:
          - { value: quarterly, label: Every quarter, score: 1 }
          - { value: never, label: Never, score: 0 }
      - id: T-01.evidence
        when: { question: T-01.practice, in: [quarterly] }
        text: Is the sign-off kept?
        choices: [{ value: "yes", label: "Yes", score: 1 }, { value: "no", label: "No", score: 0 }]
  - id: T-02
    title: Code of conduct
    criteria: [CC1.1]
`;

type Step = {
  select?: (message: string, values: string[], def?: string) => string;
  input?: (message: string) => string;
  checkbox?: string[];
};

/** A prompter that plays a script of steps and records what it was asked. */
function scripted(steps: Step[]): Prompter & { asked: { kind: string; message: string; default?: string }[] } {
  const asked: { kind: string; message: string; default?: string }[] = [];
  const next = (kind: keyof Step) => {
    const step = steps.shift();
    if (!step) throw new InterruptedError('script ended');
    if (!step[kind]) throw new Error(`expected a ${kind} prompt, script has ${Object.keys(step)}`);
    return step;
  };
  return {
    asked,
    async input(message, options) {
      asked.push({ kind: 'input', message, default: options?.default });
      return next('input').input!(message);
    },
    async select<T>(message: string, choices: (SelectChoice<T> | 'separator')[], def?: T) {
      asked.push({ kind: 'select', message, default: def as string | undefined });
      const values = choices.filter((c): c is SelectChoice<T> => c !== 'separator').map((c) => String(c.value));
      return next('select').select!(message, values, def as string | undefined) as T;
    },
    async checkbox<T>(message: string) {
      asked.push({ kind: 'checkbox', message });
      return next('checkbox').checkbox as T[];
    },
  };
}

let dir: string;
let io: FakeIo;
const now = () => '2026-11-22T10:00:00.000Z';
const answers = () => parse(readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8'));
const pick = (value: string): Step => ({ select: () => value });
const scopingNo: Step[] = Array.from({ length: 9 }, () => pick('no'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-flow-'));
  mkdirSync(join(dir, 'controls'));
  writeFileSync(join(dir, 'controls', 'c.yaml'), CONTROLS);
  io = fakeIo(dir, { NO_COLOR: '1' });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('assess with an injected prompter', () => {
  test('full flow: organization, scoping, hints, a note, N/A with reason, summary and next command', async () => {
    const prompter = scripted([
      { input: () => 'Flow Co' },
      ...scopingNo.slice(0, 8),
      pick('yes'), // privacy.commitments → recommends Privacy
      { checkbox: [] }, // the person declines the recommendation
      pick('__hints'), // T-02 comes first (CC1.1): look at the hints, then answer
      pick('not-applicable'),
      { input: () => 'Contractors only, covered by agency terms' },
      pick('__note'),
      { input: () => 'Signed by the CTO each quarter | see SEC-1' },
      pick('quarterly'),
      pick('yes'),
    ]);
    expect(await runAssess({ controls: 'controls' }, io, { prompter, requireTerminal: false, now })).toBe(0);
    expect(io.err()).toContain('recommended Privacy:');
    expect(io.err()).toContain(
      'CC1.1 A visible commitment to integrity and ethics\n  · Leadership shows by example that integrity and ethics matter',
    );
    const doc = answers();
    expect(doc.organization).toBe('Flow Co');
    expect(doc.scope).toEqual(['security']);
    expect(doc.scoping['privacy.commitments']).toBe('yes');
    expect(doc.answers).toEqual({
      'T-02.in-place': { value: 'not-applicable', reason: 'Contractors only, covered by agency terms', at: now() },
      'T-01.practice': { value: 'quarterly', note: 'Signed by the CTO each quarter | see SEC-1', at: now() },
      'T-01.evidence': { value: 'yes', at: now() },
    });
    expect(prompter.asked.find((a) => a.message.includes('How often'))!.message).toBe(
      'CC6 Logical and Physical Access Controls · question 2 of 3 · 33%\nT-01 Quarterly access reviews serves CC6.2\nHow often are access reviews done?',
    );
    expect(io.out()).toContain('overall readiness');
    expect(io.out()).toContain('soc2-ready report --answers soc2-answers.yaml --format html -o soc2-readiness.html');
  });

  test('an interrupt keeps every answer given; the next run resumes without asking again', async () => {
    const first = scripted([{ input: () => 'Flow Co' }, ...scopingNo, { checkbox: [] }, pick('operating')]);
    await expect(
      runAssess({ controls: 'controls' }, io, { prompter: first, requireTerminal: false, now }),
    ).rejects.toBeInstanceOf(InterruptedError);
    expect(Object.keys(answers().answers)).toEqual(['T-02.in-place']);
    const second = scripted([pick('never')]);
    expect(await runAssess({ controls: 'controls' }, io, { prompter: second, requireTerminal: false, now })).toBe(0);
    expect(second.asked.map((a) => a.message.split('\n').pop())).toEqual(['How often are access reviews done?']);
    expect(answers().answers['T-01.practice'].value).toBe('never');
    expect(answers().answers['T-01.evidence']).toBeUndefined();
  });

  test('--review walks the answered questions with the current answer as default; --control limits it', async () => {
    await runAssess({ controls: 'controls' }, io, {
      prompter: scripted([{ input: () => 'X' }, ...scopingNo, { checkbox: [] }, pick('operating'), pick('never')]),
      requireTerminal: false,
      now,
    });
    const review = scripted([pick('documented'), pick('never')]);
    await runAssess({ controls: 'controls', review: true }, io, { prompter: review, requireTerminal: false, now });
    expect(review.asked.map((a) => a.default)).toEqual(['operating', 'never']);
    expect(answers().answers['T-02.in-place'].value).toBe('documented');
    const one = scripted([pick('quarterly'), pick('no')]);
    await runAssess({ controls: 'controls', review: true, control: 'T-01' }, io, {
      prompter: one,
      requireTerminal: false,
      now,
    });
    expect(one.asked.map((a) => a.message.split('\n')[1])).toEqual([
      'T-01 Quarterly access reviews serves CC6.2',
      'T-01 Quarterly access reviews serves CC6.2',
    ]);
  });

  test('answers to questions that no longer exist are kept and reported as stale', async () => {
    writeFileSync(
      join(dir, 'soc2-answers.yaml'),
      'version: 1\norganization: X\nscope: [security]\ncontrols: controls\nanswers:\n  GONE-01.q:\n    value: "yes"\n  T-02.in-place:\n    value: none\n  T-01.practice:\n    value: never\n',
    );
    await runAssess({}, io, { prompter: scripted([]), requireTerminal: false, now });
    expect(io.err()).toContain(
      '1 answer(s) belong to questions that no longer exist in the controls; they are kept and not scored: GONE-01.q',
    );
    expect(answers().answers['GONE-01.q']).toEqual({ value: 'yes' });
  });

  test('a key control offers no "Not applicable"; an N/A answer already in the file is warned about', async () => {
    writeFileSync(
      join(dir, 'controls', 'c.yaml'),
      'controls:\n  - id: K-01\n    title: MFA\n    key: true\n    criteria: [CC6.1]\n  - id: T-02\n    title: Code\n    criteria: [CC1.1]\n',
    );
    const offered: string[][] = [];
    const record = (value: string): Step => ({ select: (_m, values) => (offered.push(values), value) });
    const prompter = scripted([{ input: () => 'X' }, ...scopingNo, { checkbox: [] }, record('none'), record('none')]);
    expect(await runAssess({ controls: 'controls' }, io, { prompter, requireTerminal: false, now })).toBe(0);
    const extras = ['not-sure', 'not-applicable', '__hints', '__note'];
    expect(offered.map((values) => values.filter((v) => extras.includes(v)))).toEqual([
      ['not-sure', 'not-applicable', '__hints', '__note'], // T-02 (CC1.1) comes first
      ['not-sure', '__hints', '__note'], // K-01 is key
    ]);
    expect(io.err()).not.toContain('key-not-applicable');
    const doc = readFileSync(join(dir, 'soc2-answers.yaml'), 'utf8').replace(
      /K-01\.in-place:\n {4}value: none/,
      'K-01.in-place:\n    value: not-applicable\n    reason: We use SSO',
    );
    writeFileSync(join(dir, 'soc2-answers.yaml'), doc);
    expect(await runAssess({}, io, { prompter: scripted([]), requireTerminal: false, now })).toBe(0);
    expect(io.err()).toContain(
      'soc2-answers.yaml  warning  key-not-applicable  "K-01.in-place" is answered "Not applicable", but K-01 is a key control, so the answer counts as not ready. Choose an answer with `soc2-ready assess --review --control K-01`.\n',
    );
  });

  test('a --category outside the scope or an unknown --control is a usage error', async () => {
    writeFileSync(
      join(dir, 'soc2-answers.yaml'),
      'version: 1\norganization: X\nscope: [security]\ncontrols: controls\nanswers: {}\n',
    );
    await expect(
      runAssess({ category: 'privacy' }, io, { prompter: scripted([]), requireTerminal: false, now }),
    ).rejects.toThrow('Category "privacy" is not in this assessment\'s scope (security).');
    await expect(
      runAssess({ control: 'NOPE-1' }, io, { prompter: scripted([]), requireTerminal: false, now }),
    ).rejects.toThrow('No control has the id "NOPE-1".');
  });
});

describe('the operating-history block (with an engagement)', () => {
  beforeEach(() =>
    writeFileSync(join(dir, 'soc2-ready.yaml'), 'controls: controls\nengagement:\n  type: type2\n  windows: [6]\n'),
  );

  test('asked after a control in place, not after one scoring 0; skip records that it was asked', async () => {
    const prompter = scripted([
      { input: () => 'Ops Co' },
      ...scopingNo,
      { checkbox: [] },
      pick('none'), // T-02 (CC1.1) is not in place: no block
      pick('quarterly'),
      pick('yes'),
      pick('record'),
      { input: () => '2026-01-05' }, // T-01 has no frequency: continuous, so no "last performed"
      pick('partial'),
      { input: () => 'p2y' },
    ]);
    expect(await runAssess({}, io, { prompter, requireTerminal: false, now })).toBe(0);
    expect(answers().operations).toEqual({
      'T-01': { since: '2026-01-05', evidence: 'partial', retention: 'P2Y', at: '2026-11-22T10:00:00.000Z' },
    });
    expect(prompter.asked.filter((a) => a.message.includes('operating history')).map((a) => a.message)).toEqual([
      'Record the operating history of T-01 now?',
    ]);
    expect(io.err()).toContain(
      'Operating history of T-01 (Quarterly access reviews; runs continuous), for the Type II window',
    );

    // A second run asks nothing more; --review shows the recorded history and offers to keep it.
    expect(await runAssess({}, io, { prompter: scripted([]), requireTerminal: false, now })).toBe(0);
    const review = scripted([pick('none'), pick('quarterly'), pick('yes'), pick('keep')]);
    expect(await runAssess({ review: true }, io, { prompter: review, requireTerminal: false, now })).toBe(0);
    expect(review.asked.at(-1)).toEqual({
      kind: 'select',
      message: 'Keep the recorded operating history of T-01?',
      default: undefined,
    });
    expect(io.err()).toContain('Recorded: since 2026-01-05 · evidence: Partly kept (P2Y)\n');
    expect(answers().operations['T-01']).toEqual({
      since: '2026-01-05',
      evidence: 'partial',
      retention: 'P2Y',
      at: '2026-11-22T10:00:00.000Z',
    });
  });

  test('an invalid date or duration is refused by the prompt with a hint', async () => {
    const validators: ((v: string) => true | string)[] = [];
    const base = scripted([
      { input: () => 'Ops Co' },
      ...scopingNo,
      { checkbox: [] },
      pick('none'),
      pick('quarterly'),
      pick('yes'),
      pick('record'),
      { input: () => '' },
      pick('kept'),
      { input: () => '' },
    ]);
    const prompter: Prompter = {
      ...base,
      input: (message, options) => {
        if (options?.validate) validators.push(options.validate);
        return base.input(message, options);
      },
    };
    expect(await runAssess({}, io, { prompter, requireTerminal: false, now })).toBe(0);
    const [since, retention] = validators;
    expect([since!('2026-02-30'), since!('2026-02-28'), since!('')]).toEqual([
      'Write a date as YYYY-MM-DD, or leave it empty.',
      true,
      true,
    ]);
    expect([retention!('30 days'), retention!('P30D'), retention!('p1y')]).toEqual([
      'Write an ISO 8601 duration, e.g. P90D or P1Y.',
      true,
      true,
    ]);
    expect(answers().operations).toEqual({ 'T-01': { evidence: 'kept', at: '2026-11-22T10:00:00.000Z' } });
  });
});
