import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import {
  answersData,
  checkedBlockYaml,
  parseAnswers,
  questionRank,
  serializeAnswers,
  type AnswersDocument,
} from '../src/answers.js';
import { AnswersWriter } from '../src/answers-writer.js';
import type { OperatingHistory } from '../src/engagement/operations.js';
import type { EvidenceRef } from '../src/evidence/references.js';
import type { Answer } from '../src/questionnaire/plan.js';
import { exampleAnswersFiles } from './helpers/examples.js';

/** What the session does to the document between two saves (it replaces objects, never edits them). */
type Edit =
  | { kind: 'answer'; id: string; answer: Answer }
  | { kind: 'note'; id: string; note: string | undefined }
  | { kind: 'scoping'; key: string; value: string }
  | { kind: 'operations'; control: string; history: OperatingHistory }
  | { kind: 'evidence'; control: string; ref: EvidenceRef }
  | { kind: 'updated'; at: string };

function apply(doc: AnswersDocument, edit: Edit): void {
  if (edit.kind === 'answer') doc.answers[edit.id] = edit.answer;
  else if (edit.kind === 'note') {
    const current = doc.answers[edit.id];
    if (current) doc.answers[edit.id] = { ...current, note: edit.note };
  } else if (edit.kind === 'scoping') doc.scoping[edit.key] = edit.value;
  else if (edit.kind === 'operations') doc.operations = { ...doc.operations, [edit.control]: edit.history };
  else if (edit.kind === 'evidence') {
    const refs = doc.evidence?.[edit.control] ?? [];
    doc.evidence = { ...doc.evidence, [edit.control]: [...refs, edit.ref] };
  } else doc.updated = edit.at;
}

// Plain text mostly; some strings the block writer must quote, and some it declines (line breaks, emoji).
const text = fc.oneof(
  { weight: 12, arbitrary: fc.stringMatching(/^[a-z][a-z -]{0,12}$/) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'yes',
      'no',
      'on',
      '~',
      '0o17',
      '1e3',
      'a: b',
      '- x',
      '#x',
      "it's",
      '"q"',
      ' lead',
      'trail ',
    ),
  },
  fc.constantFrom('two\nlines', 'emoji 🙂', 'tab\there', ''),
);
const questionId = fc.stringMatching(/^(?:ACC|GOV|OPS)-0[1-3]\.[a-z]{1,3}$/);
const controlId = fc.constantFrom('ACC-01', 'ACC-02', 'GOV-01', 'OPS-03', 'GONE-9');
const answer: fc.Arbitrary<Answer> = fc.record(
  { value: text, reason: text, note: text, at: fc.constant('2026-11-30T12:00:00.000Z') },
  { requiredKeys: ['value'] },
);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), id: questionId, answer }) },
  fc.record({ kind: fc.constant('note' as const), id: questionId, note: fc.option(text, { nil: undefined }) }),
  fc.record({ kind: fc.constant('scoping' as const), key: text, value: fc.constantFrom('yes', 'no', 'not-sure') }),
  fc.record({
    kind: fc.constant('operations' as const),
    control: controlId,
    history: fc.record({ since: fc.constant('2026-01-05'), note: text }, { requiredKeys: ['since'] }),
  }),
  fc.record({
    kind: fc.constant('evidence' as const),
    control: controlId,
    ref: fc.record(
      { ref: text, collected: fc.constant('2026-11-01'), note: text },
      { requiredKeys: ['ref', 'collected'] },
    ),
  }),
  fc.record({ kind: fc.constant('updated' as const), at: text }),
);

const startDoc = (): AnswersDocument => ({
  version: 1,
  organization: 'Acme',
  scope: ['security'],
  controls: 'builtin',
  scoping: {},
  answers: {},
});

describe('AnswersWriter', () => {
  test('writes exactly what serializeAnswers writes after every step of generated sessions', () => {
    let blockWritten = 0;
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 30 }), fc.boolean(), (edits, withOrder) => {
        const order = withOrder ? ['OPS-03.a', 'ACC-02.b', 'ACC-01.a', 'GOV-01.c'] : [];
        const doc = startDoc();
        const writer = new AnswersWriter(order);
        expect(writer.text(doc)).toBe(serializeAnswers(doc, order));
        for (const step of edits) {
          apply(doc, step);
          expect(writer.text(doc)).toBe(serializeAnswers(doc, order));
          if (checkedBlockYaml(answersData(doc, questionRank(order))) !== undefined) blockWritten++;
        }
      }),
      { numRuns: 300 },
    );
    // Most steps stay within what the block writer writes (the kept-lines path), the rest go to yaml.
    expect(blockWritten).toBeGreaterThan(500);
  });

  test('writes every example answers file as serializeAnswers does, before and after changing answers', () => {
    const files = exampleAnswersFiles();
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const doc = parseAnswers(readFileSync(file, 'utf8'), file).doc!;
      const order = Object.keys(doc.answers).reverse();
      const writer = new AnswersWriter(order);
      expect(writer.text(doc)).toBe(serializeAnswers(doc, order));
      const [first, second] = order;
      apply(doc, { kind: 'answer', id: first!, answer: { value: 'no', at: '2026-11-30T12:00:00.000Z' } });
      apply(doc, { kind: 'note', id: second!, note: 'checked: see the ticket' });
      apply(doc, { kind: 'updated', at: '2026-11-30T12:00:01.000Z' });
      expect(writer.text(doc)).toBe(serializeAnswers(doc, order));
    }
  });

  test('keeps the lines of an answer object it has written: an answer is replaced to change, never edited', () => {
    const doc = startDoc();
    doc.answers['ACC-01.a'] = { value: 'yes' };
    const writer = new AnswersWriter([]);
    const before = writer.text(doc);
    (doc.answers['ACC-01.a'] as { value: string }).value = 'no'; // edited in place: not seen
    expect(writer.text(doc)).toBe(before);
    doc.answers['ACC-01.a'] = { value: 'no' }; // replaced: written again
    expect(writer.text(doc)).toBe(serializeAnswers(doc, []));
    expect(writer.text(doc)).toContain('  ACC-01.a:\n    value: "no"\n');
  });
});
