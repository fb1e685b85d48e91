import { describe, expect, test } from '@jest/globals';
import { parseConfig } from '../../src/config.js';
import { parseAnswers, serializeAnswers } from '../../src/answers.js';
import { formatDiagnostic } from '../../src/diagnostics.js';
import { addMonths, durationDays, isDate, monthStartOnOrAfter, windowEnd } from '../../src/engagement/dates.js';

const lines = (text: string, file: string, parse: typeof parseConfig | typeof parseAnswers) =>
  parse(text, file).diagnostics.map(formatDiagnostic);

describe('engagement in soc2-ready.yaml', () => {
  test('a Type II engagement with candidate windows is read as written', () => {
    const text = [
      'organization: Acme',
      'engagement:',
      '  type: type2',
      '  asOf: 2026-12-01',
      '  windows: [3, 6, 12]',
      '  fieldworkStart: 2027-07-15',
      '',
    ].join('\n');
    const { config, diagnostics } = parseConfig(text, 'soc2-ready.yaml');
    expect(diagnostics).toEqual([]);
    expect(config.engagement).toEqual({
      type: 'type2',
      asOf: '2026-12-01',
      windows: [3, 6, 12],
      fieldworkStart: '2027-07-15',
    });
  });

  test('a fixed window in flow style is read', () => {
    const text = 'engagement:\n  type: type2\n  window: { start: 2027-01-01, end: 2027-06-30 }\n';
    expect(parseConfig(text, 'c.yaml').config.engagement).toEqual({
      type: 'type2',
      window: { start: '2027-01-01', end: '2027-06-30' },
    });
  });

  test.each([
    [
      'an unknown type',
      'engagement:\n  type: type3\n',
      ['c.yaml:2:9  error  schema  "type" in "engagement" must be one of type1, type2 (got "type3").'],
    ],
    [
      'a missing type',
      'engagement:\n  asOf: 2027-03-31\n',
      ['c.yaml:2:3  error  schema  "engagement" is missing the required field "type".'],
    ],
    [
      'a date in the wrong form',
      'engagement:\n  type: type1\n  asOf: 31/03/2027\n',
      [
        'c.yaml:3:9  error  schema  "asOf" in "engagement" "31/03/2027" has the wrong form. Write it as YYYY-MM-DD, e.g. 2027-03-31: the date a Type I tests (default: today).',
      ],
    ],
    [
      'a date that is not in the calendar',
      'engagement:\n  type: type1\n  asOf: 2027-02-30\n',
      [
        'c.yaml:3:9  error  schema  engagement.asOf "2027-02-30" is not a calendar date. Write a real date as YYYY-MM-DD.',
      ],
    ],
    [
      'a window that ends before it starts',
      'engagement:\n  type: type2\n  window:\n    start: 2027-06-30\n    end: 2027-01-01\n',
      [
        'c.yaml:5:10  error  schema  engagement.window ends (2027-01-01) on or before it starts (2027-06-30). Give an end date after the start date.',
      ],
    ],
    [
      'both window and windows',
      'engagement:\n  type: type2\n  window: { start: 2027-01-01, end: 2027-06-30 }\n  windows: [6]\n',
      [
        'c.yaml:4:3  error  schema  engagement gives both "window" and "windows". Keep "window" for a fixed window, or "windows" for candidate lengths, not both.',
      ],
    ],
    [
      'a window on a Type I',
      'engagement:\n  type: type1\n  windows: [6]\n',
      [
        'c.yaml:3:3  error  schema  engagement.windows is given for a type1 engagement, which has no observation window. Remove "windows", or set "type: type2".',
      ],
    ],
    [
      'a window length out of range',
      'engagement:\n  type: type2\n  windows: [3, 36]\n',
      ['c.yaml:3:16  error  schema  Entry 2 of "windows" must be <= 24 (got 36).'],
    ],
    [
      'an unknown field',
      'engagement:\n  type: type2\n  window_start: 2027-01-01\n',
      [
        'c.yaml:3:3  error  schema  "engagement" has an unknown field "window_start". Allowed fields: type, asOf, window, windows, fieldworkStart.',
      ],
    ],
  ])('%s is a located diagnostic', (_name, text, expected) => {
    expect(lines(text, 'c.yaml', parseConfig)).toEqual(expected);
  });
});

describe('operations in the answers file', () => {
  const doc = (body: string) => `version: 1\nscope: [security]\nanswers: {}\noperations:\n${body}`;

  test('operating histories are read as written', () => {
    const text = doc(
      [
        '  ACC-08: { since: 2026-10-15, lastPerformed: 2026-10-15, evidence: kept, retention: P400D }',
        '  BCK-02:',
        '    since: 2026-02-01',
        '    evidence: kept',
        '    retention: P30D',
        '  HR-05: { since: 2025-06-01, evidence: kept, eventsPerMonth: 2, frequency: on-event }',
        '',
      ].join('\n'),
    );
    const { doc: parsed, diagnostics } = parseAnswers(text, 'a.yaml');
    expect(diagnostics).toEqual([]);
    expect(parsed?.operations).toEqual({
      'ACC-08': { since: '2026-10-15', lastPerformed: '2026-10-15', evidence: 'kept', retention: 'P400D' },
      'BCK-02': { since: '2026-02-01', evidence: 'kept', retention: 'P30D' },
      'HR-05': { since: '2025-06-01', evidence: 'kept', eventsPerMonth: 2, frequency: 'on-event' },
    });
  });

  test.each([
    [
      'an unknown evidence value',
      '  ACC-08:\n    evidence: yes-ish\n',
      [
        'a.yaml:6:15  error  schema  "evidence" of operation "ACC-08" must be one of kept, partial, not-kept, not-sure (got "yes-ish").',
      ],
    ],
    [
      'a retention that is not an ISO 8601 duration',
      '  ACC-08:\n    retention: 30 days\n',
      [
        'a.yaml:6:16  error  schema  "retention" of operation "ACC-08" "30 days" has the wrong form. Write it as an ISO 8601 duration in years, months, weeks or days, e.g. P30D, P13M, P1Y.',
      ],
    ],
    [
      'an empty duration',
      '  ACC-08:\n    retention: P\n',
      [
        'a.yaml:6:16  error  schema  "retention" of operation "ACC-08" "P" has the wrong form. Write it as an ISO 8601 duration in years, months, weeks or days, e.g. P30D, P13M, P1Y.',
      ],
    ],
    [
      'a negative event rate',
      '  HR-05:\n    eventsPerMonth: -1\n',
      ['a.yaml:6:21  error  schema  "eventsPerMonth" of operation "HR-05" must be >= 0 (got -1).'],
    ],
    [
      'a date not in the calendar',
      '  ACC-08:\n    since: 2026-13-01\n',
      [
        'a.yaml:6:12  error  schema  "since" of operations "ACC-08" is not a calendar date (got "2026-13-01"). Write a real date as YYYY-MM-DD.',
      ],
    ],
    [
      'a last performance before the start',
      '  ACC-08:\n    since: 2026-10-15\n    lastPerformed: 2026-09-01\n',
      [
        'a.yaml:7:20  error  schema  "lastPerformed" of operations "ACC-08" (2026-09-01) is before "since" (2026-10-15). A control cannot have been performed before it started; correct one of the dates.',
      ],
    ],
    [
      'an unknown field',
      '  ACC-08:\n    retained: P30D\n',
      [
        'a.yaml:6:5  error  schema  Operation "ACC-08" has an unknown field "retained". Allowed fields: frequency, since, lastPerformed, plannedBy, evidence, retention, eventsPerMonth, note, at.',
      ],
    ],
  ])('%s is a located diagnostic', (_name, body, expected) => {
    expect(lines(doc(body), 'a.yaml', parseAnswers)).toEqual(expected);
  });

  test('operations are written after the answers, in control order, fields in a fixed order', () => {
    const { doc: parsed } = parseAnswers(
      doc('  ZZZ-01: { evidence: kept, since: 2026-01-01 }\n  ACC-08: { retention: P30D, evidence: partial }\n'),
      'a.yaml',
    );
    const text = serializeAnswers(parsed!, ['ACC-08.frequency', 'BCK-01.x']);
    expect(text.slice(text.indexOf('answers:'))).toBe(
      [
        'answers: {}',
        'operations:',
        '  ACC-08:',
        '    evidence: partial',
        '    retention: P30D',
        '  ZZZ-01:',
        '    since: "2026-01-01"',
        '    evidence: kept',
        '',
      ].join('\n'),
    );
    expect(parseAnswers(text, 'a.yaml').doc?.operations).toEqual(parsed?.operations);
  });

  test('no operations key is written when there are none', () => {
    const { doc: parsed } = parseAnswers('version: 1\nscope: [security]\nanswers: {}\n', 'a.yaml');
    expect(serializeAnswers(parsed!, [])).not.toContain('operations');
  });
});

describe('dates', () => {
  test.each([
    ['2027-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['27-01-01', false],
  ])('isDate(%s) = %s', (text, expected) => expect(isDate(text)).toBe(expected));

  test.each([
    ['P30D', 30],
    ['P2W', 14],
    ['P13M', 390],
    ['P1Y', 365],
    ['P1Y2M3D', 428],
    ['P', undefined],
    ['PT5H', undefined],
    ['30D', undefined],
  ])('durationDays(%s) = %s', (text, expected) => expect(durationDays(text)).toBe(expected));

  test('calendar months clamp to the end of the month; windows end the day before', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2026-10-15', -12)).toBe('2025-10-15');
    expect(windowEnd('2027-01-01', 6)).toBe('2027-06-30');
    expect(windowEnd('2027-01-01', 12)).toBe('2027-12-31');
    expect(monthStartOnOrAfter('2026-12-15')).toBe('2027-01-01');
    expect(monthStartOnOrAfter('2027-01-01')).toBe('2027-01-01');
  });
});
