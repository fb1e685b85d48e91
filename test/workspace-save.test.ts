import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { serializeAnswers, emptyAnswers } from '../src/answers.js';
import { UsageError } from '../src/errors.js';
import { AnswersSession } from '../src/project/answers-session.js';
import { loadWorkspace } from '../src/project/workspace.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-save-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('saving answers', () => {
  test('a stale "__proto__" key is kept like any other key (L10)', () => {
    const doc = emptyAnswers('2026-01-01T00:00:00.000Z');
    doc.answers = JSON.parse('{"__proto__": {"value": "yes"}, "GOV-01.code": {"value": "no"}}');
    expect(Object.keys(parse(serializeAnswers(doc, [])).answers)).toEqual(['GOV-01.code', '__proto__']);
  });

  test('a save that would exceed the 4 MB read limit is refused; the file on disk is unchanged (L16)', () => {
    const note = 'n'.repeat(4 * 1024 * 1024 - 2000);
    const text = `version: 1\nscope: [security]\nanswers:\n  GOV-01.code:\n    value: "no"\n    note: ${note}\n`;
    writeFileSync(join(dir, 'a.yaml'), text);
    const ws = loadWorkspace({ answers: 'a.yaml', cwd: dir, now: '2026-01-01T00:00:00.000Z', mustExist: true });
    const session = new AnswersSession(ws, () => '2026-01-02T00:00:00.000Z');
    let error: unknown;
    try {
      session.answer('GOV-02.channel', { value: 'no', note: 'm'.repeat(4000) });
    } catch (cause) {
      error = cause;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(
      'Not saving a.yaml: it would be over the 4 MB limit for answers files; the file on disk is unchanged.',
    );
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(text);
  });
});
