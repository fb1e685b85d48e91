// The operating-history block's first step under --review, through a fake prompter: what it shows,
// what Enter ("Keep it as recorded") saves, and the recorded fields in words.
import { describe, expect, test } from '@jest/globals';
import { askOperations, recordedSummary } from '../src/cli/assess-operations.js';
import type { OperatingHistory } from '../src/engagement/operations.js';
import { painter } from '../src/cli/print.js';
import type { Prompter } from '../src/cli/prompter.js';

/** Answers every select with its default, or the first choice, as Enter does; no other prompt expected. */
function enterOnly(asked: string[]): Prompter {
  return {
    async select<T>(message: string, choices: ({ value: T } | 'separator')[], def?: T) {
      asked.push(message);
      return def ?? (choices.find((c) => c !== 'separator') as { value: T }).value;
    },
    input: async (message) => {
      throw new Error(`unexpected input prompt: ${message}`);
    },
    checkbox: async () => [],
  };
}

async function review(current: OperatingHistory | undefined) {
  const asked: string[] = [];
  const saved: OperatingHistory[] = [];
  let written = '';
  await askOperations(
    enterOnly(asked),
    {
      controlId: 'X-01',
      title: 'Monthly scan',
      frequency: 'monthly',
      current,
      save: (h) => saved.push(h),
      now: () => '2026-11-30T12:00:00.000Z',
      paint: painter(0),
      write: (t) => (written += t),
    },
    true,
  );
  return { asked, saved, written };
}

describe('--review: Enter on a recorded operating history', () => {
  test('a finished history is kept untouched: nothing is saved', async () => {
    const r = await review({ since: '2025-01-06', evidence: 'kept', at: '2026-10-01T08:00:00.000Z' });
    expect(r.asked).toEqual(['Keep the recorded operating history of X-01?']);
    expect(r.written).toContain('\nRecorded: since 2025-01-06 · evidence: Kept\n');
    expect(r.saved).toEqual([]);
  });

  test('an unfinished one (no `at`, as written by hand) keeps its values and is marked finished', async () => {
    const r = await review({ since: '2025-01-06', lastPerformed: '2026-11-02' });
    expect(r.saved).toEqual([{ since: '2025-01-06', lastPerformed: '2026-11-02', at: '2026-11-30T12:00:00.000Z' }]);
  });

  test('a skipped one stays skipped; one never asked defaults to recording it', async () => {
    const skipped = await review({ at: '2026-10-01T08:00:00.000Z' });
    expect(skipped.asked).toEqual(['Record the operating history of X-01 now?']);
    expect(skipped.saved).toEqual([]);
    await expect(review(undefined)).rejects.toThrow('unexpected input prompt: X-01 operates since');
  });

  test('recorded text is shown inert (no terminal escapes from the file)', async () => {
    const r = await review({ note: 'ok\u001b]0;pwned\u0007', at: '2026-10-01T08:00:00.000Z' });
    expect(r.written).not.toContain('\u001b');
    expect(r.written).toContain('Recorded: note: ok');
  });
});

describe('recordedSummary', () => {
  test('every recorded field, in file order, in words', () => {
    expect(
      recordedSummary({
        frequency: 'weekly',
        since: '2025-01-06',
        lastPerformed: '2026-11-02',
        plannedBy: '2027-01-31',
        evidence: 'partial',
        retention: 'P90D',
        eventsPerMonth: 3,
        note: 'Scanner: Nessus',
        at: '2026-10-01T08:00:00.000Z',
      }),
    ).toBe(
      'runs weekly · since 2025-01-06 · last performed 2026-11-02 · planned by 2027-01-31 · evidence: Partly kept (P90D) · 3 events a month · note: Scanner: Nessus',
    );
  });

  test('retention without an evidence answer, zero events; nothing recorded is undefined', () => {
    expect(recordedSummary({ retention: 'P1Y', eventsPerMonth: 0 })).toBe('retention P1Y · 0 events a month');
    expect(recordedSummary({ at: '2026-10-01T08:00:00.000Z' })).toBeUndefined();
    expect(recordedSummary({})).toBeUndefined();
  });
});
