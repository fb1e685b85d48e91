import { describe, expect, test } from '@jest/globals';
import { engagementReadiness, earliestFeasibleStart } from '../../src/engagement/readiness.js';
import { controlInWindow } from '../../src/engagement/window-status.js';
import { nextDue, occurrencesIn } from '../../src/engagement/occurrences.js';
import { sampleRange } from '../../src/engagement/sampling.js';
import type { ControlFacts, WindowReadiness } from '../../src/engagement/types.js';
import type { Frequency } from '../../src/catalog/types.js';
import type { OperatingHistory } from '../../src/engagement/operations.js';
import { designOf } from '../../src/engagement/facts.js';
import type { ControlResult, QuestionState } from '../../src/scoring.js';

const control = (
  id: string,
  frequency: Frequency,
  history: OperatingHistory | undefined,
  design: ControlFacts['design'] = 'designed',
): ControlFacts => ({ id, title: id, criteria: ['CC1.1'], frequency, evidence: [], design, history });

/** The research's worked example (notes/type2-pbc.md §1): Acme, 25 staff, as of 2026-12-01. */
const acmeToday: ControlFacts[] = [
  control('MFA', 'continuous', { since: '2026-03-01', evidence: 'kept' }),
  control('ACCESS-REVIEW', 'quarterly', { since: '2026-10-15', lastPerformed: '2026-10-15', evidence: 'kept' }),
  control('OFFBOARDING', 'on-event', { since: '2026-06-01', evidence: 'kept', eventsPerMonth: 0.5 }),
  control('PR-REVIEW', 'on-event', { since: '2025-09-01', evidence: 'kept', eventsPerMonth: 100 }),
  control('VULN-SCAN', 'monthly', { since: '2026-09-01', evidence: 'kept' }),
  control('RISK-ASSESSMENT', 'annually', { since: '2026-05-10', evidence: 'kept' }),
  control('BACKUPS', 'daily', { since: '2026-02-01', evidence: 'kept', retention: 'P30D' }),
  control('ALERT-TRIAGE', 'weekly', { since: '2026-11-01', evidence: 'not-kept', plannedBy: '2026-12-15' }),
  control('VENDOR-REVIEW', 'annually', { plannedBy: '2026-12-15' }, 'not-designed'),
];

/** The same company once its planned fixes are in (the research's "after the planned fixes"). */
const acmeFixed: ControlFacts[] = acmeToday.map((c) => {
  if (c.id === 'BACKUPS') return { ...c, history: { ...c.history, retention: 'P13M' } };
  if (c.id === 'ALERT-TRIAGE') return { ...c, history: { since: '2026-12-15', evidence: 'kept' } };
  if (c.id === 'VENDOR-REVIEW')
    return {
      ...c,
      design: 'designed',
      history: { since: '2026-12-15', lastPerformed: '2027-02-15', evidence: 'kept' },
    };
  return c;
});

const acme = (controls: ControlFacts[]) =>
  engagementReadiness({
    engagement: { type: 'type2', asOf: '2026-12-01', windows: [3, 6, 12] },
    today: '2026-11-18',
    controls,
  });

const statuses = (w: WindowReadiness) => Object.fromEntries(w.controls.map((c) => [c.id, c.status]));
const nonZero = (w: WindowReadiness) => Object.fromEntries(Object.entries(w.counts).filter(([, n]) => n > 0));

describe('worked example: Acme as of 2026-12-01', () => {
  test('Type I is 8 of 9: the vendor review is not designed', () => {
    const r = acme(acmeToday);
    expect([r.typeI.asOf, r.typeI.ready, r.typeI.total]).toEqual(['2026-12-01', 8, 9]);
    expect(r.typeI.controls.filter((c) => c.status !== 'ready')).toEqual([
      { id: 'VENDOR-REVIEW', status: 'not-designed', reason: 'Design falls short in the questionnaire.' },
    ]);
  });

  test('earliest start 2027-01-01 (the planned fixes of 2026-12-15, rounded up to a month start)', () => {
    expect(acme(acmeToday).earliestStart).toBe('2027-01-01');
    expect(acme(acmeToday).windows.map((w) => [w.months, w.start, w.end])).toEqual([
      [3, '2027-01-01', '2027-03-31'],
      [6, '2027-01-01', '2027-06-30'],
      [12, '2027-01-01', '2027-12-31'],
    ]);
  });

  test('today, the 6-month window is 6 of 9: backups (30-day retention) and alert triage have no evidence', () => {
    const six = acme(acmeToday).windows[1]!;
    expect(statuses(six)).toEqual({
      MFA: 'ready',
      'ACCESS-REVIEW': 'ready',
      OFFBOARDING: 'ready',
      'PR-REVIEW': 'ready',
      'VULN-SCAN': 'ready',
      'RISK-ASSESSMENT': 'ready',
      BACKUPS: 'no-evidence',
      'ALERT-TRIAGE': 'no-evidence',
      'VENDOR-REVIEW': 'not-designed',
    });
    expect(nonZero(six)).toEqual({ ready: 6, 'no-evidence': 2, 'not-designed': 1 });
    expect(six.controls.find((c) => c.id === 'BACKUPS')?.reason).toBe(
      'Evidence is kept P30D but must survive 241 days (window plus reporting time): extend retention.',
    );
  });

  test('today no window can be recommended: 30-day backups cannot evidence any of them', () => {
    const r = acme(acmeToday);
    expect(r.windows.map((w) => w.counts['no-evidence'])).toEqual([2, 2, 2]);
    expect(r.recommendedWindow).toBeNull();
  });

  test('expected occurrences and practitioner sample ranges in the 6-month window', () => {
    const six = acme(acmeToday).windows[1]!;
    const rows = six.controls.map((c) => [c.id, c.expected, c.sample, c.dueDates]);
    expect(rows).toEqual([
      ['MFA', 1, { low: 1, high: 1 }, []],
      ['ACCESS-REVIEW', 2, { low: 2, high: 2 }, ['2027-01-15', '2027-04-15']],
      ['OFFBOARDING', 3, { low: 3, high: 3 }, []],
      ['PR-REVIEW', 595, { low: 25, high: 60 }, []],
      [
        'VULN-SCAN',
        6,
        { low: 2, high: 5 },
        ['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-06-01'],
      ],
      ['RISK-ASSESSMENT', 1, { low: 1, high: 1 }, ['2027-05-10']],
      ['BACKUPS', null, null, []],
      ['ALERT-TRIAGE', null, null, []],
      ['VENDOR-REVIEW', null, null, []],
    ]);
  });

  test('with the planned fixes: 3 months leaves the risk assessment untestable and the access review thin', () => {
    const three = acme(acmeFixed).windows[0]!;
    expect(statuses(three)['RISK-ASSESSMENT']).toBe('untestable');
    expect(statuses(three)['ACCESS-REVIEW']).toBe('thin');
    expect(nonZero(three)).toEqual({ ready: 7, thin: 1, untestable: 1 });
    expect(three.controls.find((c) => c.id === 'ACCESS-REVIEW')?.reason).toBe(
      'Only 1 in the window: every one is tested, one miss is an exception.',
    );
  });

  test('with the planned fixes the 6-month window is recommended, 9 of 9 ready', () => {
    const r = acme(acmeFixed);
    expect(nonZero(r.windows[1]!)).toEqual({ ready: 9 });
    expect(r.recommendedWindow).toBe(6);
    // 13 months of backups cannot cover 12 months plus reporting time.
    expect(statuses(r.windows[2]!).BACKUPS).toBe('no-evidence');
  });
});

describe('one control in one window', () => {
  const w = { start: '2027-01-01', end: '2027-06-30' };
  const kept = { since: '2026-01-01', evidence: 'kept' as const };
  test.each<[string, ControlFacts, string, string]>([
    [
      'design not sure',
      control('A', 'monthly', kept, 'not-sure'),
      'not-sure',
      'Design answers are "Not sure" or missing.',
    ],
    [
      'no operating history',
      control('A', 'monthly', undefined),
      'not-sure',
      'Operating history unknown: record since and evidence under operations.',
    ],
    [
      'evidence not sure',
      control('A', 'monthly', { since: '2026-01-01', evidence: 'not-sure' }),
      'not-sure',
      'Whether evidence is kept is "Not sure".',
    ],
    [
      'starts after the window starts',
      control('A', 'monthly', { since: '2027-02-01', evidence: 'kept' }),
      'starts-late',
      'Operates only from 2027-02-01, after the window starts.',
    ],
    [
      'a fix planned inside the window',
      control('A', 'monthly', { ...kept, plannedBy: '2027-03-01' }),
      'starts-late',
      'Operates only from 2027-03-01, after the window starts.',
    ],
    [
      'evidence not kept',
      control('A', 'monthly', { since: '2026-01-01', evidence: 'not-kept' }),
      'no-evidence',
      'Evidence is not kept: keep a record of every occurrence.',
    ],
    [
      'evidence kept in part',
      control('A', 'monthly', { since: '2026-01-01', evidence: 'partial' }),
      'thin',
      'Evidence is kept only in part: each missing record is an exception.',
    ],
    [
      'an event control without a rate',
      control('A', 'on-event', kept),
      'not-sure',
      'Events a month unknown: give eventsPerMonth to size the population.',
    ],
    [
      'an event control with no event expected',
      control('A', 'on-event', { ...kept, eventsPerMonth: 0.05 }),
      'untestable',
      'No event expected in the window: the auditor can test design only.',
    ],
    [
      'an annual control without a known date',
      control('A', 'annually', { evidence: 'kept', since: '2026-08-01' }),
      'untestable',
      'Does not occur in the window: re-perform it inside the window or move the window.',
    ],
    [
      'retention that just covers window and reporting time',
      control('A', 'daily', { ...kept, retention: 'P241D' }),
      'ready',
      'Operates and leaves evidence through the window.',
    ],
    [
      'retention one day short',
      control('A', 'daily', { ...kept, retention: 'P240D' }),
      'no-evidence',
      'Evidence is kept P240D but must survive 241 days (window plus reporting time): extend retention.',
    ],
    [
      'a frequency override in the history',
      control('A', 'annually', { ...kept, frequency: 'monthly' }),
      'ready',
      'Operates and leaves evidence through the window.',
    ],
  ])('%s', (_name, facts, status, reason) => {
    const r = controlInWindow(facts, w);
    expect([r.status, r.reason]).toEqual([status, reason]);
  });

  test('a quarterly control anchored on 2026-12-20 falls on 2027-03-20 and 2027-06-20', () => {
    expect(controlInWindow(control('A', 'quarterly', { ...kept, lastPerformed: '2026-12-20' }), w).dueDates).toEqual([
      '2027-03-20',
      '2027-06-20',
    ]);
  });

  test('a late fieldwork start lengthens the retention needed', () => {
    const facts = control('A', 'daily', { ...kept, retention: 'P241D' });
    expect(controlInWindow(facts, { ...w, fieldworkStart: '2027-09-15' }).reason).toBe(
      'Evidence is kept P241D but must survive 288 days (window plus reporting time): extend retention.',
    );
  });
});

describe('occurrences and samples', () => {
  test.each<[Frequency, OperatingHistory, number | null]>([
    ['daily', { since: '2026-01-01' }, 181],
    ['daily', { since: '2027-06-01' }, 30],
    ['weekly', {}, 25],
    ['weekly', { since: '2027-01-04' }, 26],
    ['monthly', {}, 5],
    ['quarterly', {}, 1],
    ['annually', {}, 0],
    ['annually', { lastPerformed: '2026-03-31' }, 1],
    ['continuous', {}, 1],
    ['on-event', { eventsPerMonth: 2 }, 12],
    ['on-event', {}, null],
  ])('%s %j in the first half of 2027: %s', (frequency, history, count) => {
    expect(occurrencesIn(frequency, history, '2027-01-01', '2027-06-30').count).toBe(count);
  });

  test.each<[Frequency, number, { low: number; high: number }]>([
    ['annually', 1, { low: 1, high: 1 }],
    ['quarterly', 4, { low: 2, high: 2 }],
    ['monthly', 12, { low: 2, high: 5 }],
    ['weekly', 52, { low: 5, high: 15 }],
    ['daily', 365, { low: 20, high: 40 }],
    ['continuous', 1, { low: 1, high: 1 }],
    ['on-event', 12, { low: 12, high: 12 }],
    ['on-event', 600, { low: 25, high: 60 }],
    ['on-event', 40, { low: 25, high: 40 }],
    ['monthly', 3, { low: 2, high: 3 }],
  ])('practitioner sample for %s with %i occurrences', (frequency, population, range) => {
    expect(sampleRange(frequency, population)).toEqual(range);
  });

  test('the next due date of an annual control', () => {
    expect(nextDue('annually', { since: '2026-05-10' }, '2026-11-18')).toBe('2027-05-10');
    expect(nextDue('quarterly', { lastPerformed: '2026-10-15' }, '2026-11-18')).toBe('2027-01-15');
    expect(nextDue('daily', { since: '2026-05-10' }, '2026-11-18')).toBeUndefined();
  });
});

describe('engagements', () => {
  const controls = [control('A', 'monthly', { since: '2026-01-01', evidence: 'kept' })];
  test('without an engagement: a Type I as of today, assumed, no windows', () => {
    const r = engagementReadiness({ today: '2026-11-18', controls });
    expect(r).toMatchObject({ type: 'type1', assumed: true, windows: [], recommendedWindow: null });
    expect(r.typeI).toEqual({ asOf: '2026-11-18', ready: 1, total: 1, controls: [{ id: 'A', status: 'ready' }] });
  });

  test('a Type I as of a date before a control starts lists it as a blocker', () => {
    const late = [...controls, control('B', 'weekly', { since: '2027-02-01', evidence: 'kept' })];
    const r = engagementReadiness({
      engagement: { type: 'type1', asOf: '2027-01-31' },
      today: '2026-11-18',
      controls: late,
    });
    expect(r.typeI.controls[1]).toEqual({ id: 'B', status: 'starts-late', reason: 'Operates only from 2027-02-01.' });
    expect([r.typeI.ready, r.typeI.total]).toEqual([1, 2]);
  });

  test('a fixed window is evaluated as given, and recommended when it qualifies', () => {
    const r = engagementReadiness({
      engagement: { type: 'type2', window: { start: '2027-01-01', end: '2027-06-30' } },
      today: '2026-11-18',
      controls,
    });
    expect(r.windows.map((w) => [w.months, w.start, w.end, w.counts.ready])).toEqual([
      [6, '2027-01-01', '2027-06-30', 1],
    ]);
    expect(r.recommendedWindow).toBe(6);
  });

  test('Type II without windows uses 3, 6 and 12 months', () => {
    const r = engagementReadiness({ engagement: { type: 'type2' }, today: '2026-11-18', controls });
    expect(r.windows.map((w) => w.months)).toEqual([3, 6, 12]);
    expect(r.recommendedWindow).toBe(3);
  });

  test('earliest start: today (rounded up) when nothing is known, else the latest limit', () => {
    expect(earliestFeasibleStart([], '2026-11-18')).toBe('2026-12-01');
    expect(earliestFeasibleStart(controls, '2026-11-18')).toBe('2026-01-01');
    const short = [control('A', 'daily', { since: '2025-01-01', evidence: 'kept', retention: 'P90D' })];
    expect(earliestFeasibleStart(short, '2026-11-18')).toBe('2026-09-01');
  });
});

describe('design from the questionnaire', () => {
  const result = (status: ControlResult['status'], states: QuestionState[]): ControlResult => ({
    id: 'A',
    control: {
      id: 'A',
      title: 'A',
      criteria: ['CC1.1'],
      weight: 1,
      evidence: [],
      questions: [],
      location: { file: 'c.yaml', line: 1, column: 1 },
      criteriaLocations: [],
      questionLocations: [],
    },
    series: 'CC1',
    criteria: ['CC1.1'],
    score: status === 'not-applicable' ? null : 0.5,
    status,
    questions: states.map((state, i) => ({ id: `A.q${i}`, controlId: 'A', text: '', state })),
  });
  test.each<[string, ControlResult, string]>([
    ['ready', result('ready', ['answered']), 'designed'],
    ['ready but with one not-sure answer', result('ready', ['answered', 'not-sure']), 'not-sure'],
    ['partial with a not-sure answer', result('partial', ['answered', 'not-sure']), 'not-sure'],
    ['gap with an unanswered question', result('gap', ['unanswered']), 'not-sure'],
    ['gap, fully answered', result('gap', ['answered', 'answered']), 'not-designed'],
  ])('%s', (_name, r, design) => expect(designOf(r)).toBe(design));
});
