import { describe, expect, test } from '@jest/globals';
import { engagementReadiness } from '../../src/engagement/readiness.js';
import { focusWindow, type AuditReadiness } from '../../src/engagement/audit.js';
import type { ControlFacts } from '../../src/engagement/types.js';
import { evidenceRequests } from '../../src/evidence/requests.js';
import { cellRows, safeCell, toCsv } from '../../src/evidence/csv.js';
import { parseCsv } from '../helpers/csv.js';

const facts: ControlFacts[] = [
  {
    id: 'ACC-08',
    title: 'Access review',
    criteria: ['CC6.2', 'CC6.3'],
    frequency: 'quarterly',
    owner: 'IT lead',
    evidence: ['Review export', 'Sign-off and tickets'],
    design: 'designed',
    history: { since: '2026-10-15', lastPerformed: '2026-10-15', evidence: 'kept' },
  },
  {
    id: 'ACC-03',
    title: 'MFA',
    criteria: ['CC6.1'],
    frequency: 'continuous',
    owner: 'IT lead',
    evidence: ['IdP MFA policy'],
    design: 'designed',
    history: { since: '2026-03-01', evidence: 'kept' },
  },
  {
    id: 'BCK-02',
    title: 'Backups',
    criteria: ['A1.2'],
    frequency: 'daily',
    evidence: [],
    design: 'designed',
    history: { since: '2026-02-01', evidence: 'kept', retention: 'P30D' },
  },
  {
    id: 'VND-02',
    title: 'Vendor review',
    criteria: ['CC9.2'],
    frequency: 'annually',
    owner: 'Security lead',
    evidence: ['Vendor review record'],
    design: 'not-designed',
  },
];

const audit = (engagement?: Parameters<typeof engagementReadiness>[0]['engagement']): AuditReadiness => {
  const readiness = engagementReadiness({ engagement, today: '2026-12-01', controls: facts });
  return { readiness, facts, today: '2026-12-01', focus: focusWindow(readiness) };
};

const pick = (rows: ReturnType<typeof evidenceRequests>) =>
  rows.map((r) => [
    r.requestId,
    r.requestType,
    r.periodFrom,
    r.periodTo,
    r.expectedPopulation,
    r.sampleBasis,
    r.dueDate,
    r.status,
    r.blockedBy,
  ]);

describe('evidence requests', () => {
  test('Type II: a population and a sample request per periodic item, as-of for continuous controls', () => {
    const rows = evidenceRequests(
      audit({ type: 'type2', window: { start: '2027-01-01', end: '2027-06-30' }, fieldworkStart: '2027-07-15' }),
    );
    const population = 'Complete listing of every occurrence, with the query or report used and its row count';
    expect(pick(rows)).toEqual([
      ['PBC-ACC-08-1-P', 'population', '2027-01-01', '2027-06-30', '2', population, '2027-07-15', 'open', ''],
      [
        'PBC-ACC-08-1-S',
        'sample',
        '2027-01-01',
        '2027-06-30',
        '2',
        'Auditor selects 2 of 2 (practitioner convention, not an AICPA rule)',
        '2027-07-29',
        'open',
        '',
      ],
      ['PBC-ACC-08-2-P', 'population', '2027-01-01', '2027-06-30', '2', population, '2027-07-15', 'open', ''],
      [
        'PBC-ACC-08-2-S',
        'sample',
        '2027-01-01',
        '2027-06-30',
        '2',
        'Auditor selects 2 of 2 (practitioner convention, not an AICPA rule)',
        '2027-07-29',
        'open',
        '',
      ],
      ['PBC-ACC-03-1-D', 'as-of', '2027-06-30', '2027-06-30', '', 'As of 2027-06-30', '2027-07-15', 'open', ''],
      [
        'PBC-BCK-02-1-P',
        'population',
        '2027-01-01',
        '2027-06-30',
        '',
        population,
        '2027-07-15',
        'blocked',
        'no-evidence',
      ],
      [
        'PBC-BCK-02-1-S',
        'sample',
        '2027-01-01',
        '2027-06-30',
        '',
        'Auditor selects a sample of the population (practitioner convention, not an AICPA rule)',
        '2027-07-29',
        'blocked',
        'no-evidence',
      ],
      [
        'PBC-VND-02-1-P',
        'population',
        '2027-01-01',
        '2027-06-30',
        '',
        population,
        '2027-07-15',
        'blocked',
        'not-designed',
      ],
      [
        'PBC-VND-02-1-S',
        'sample',
        '2027-01-01',
        '2027-06-30',
        '',
        'Auditor selects a sample of the population (practitioner convention, not an AICPA rule)',
        '2027-07-29',
        'blocked',
        'not-designed',
      ],
    ]);
    expect(rows[5]?.artifact).toBe('Evidence that the control is designed and operates');
    expect(rows[0]).toMatchObject({
      control: 'ACC-08',
      criteria: 'CC6.2, CC6.3',
      frequency: 'quarterly',
      owner: 'IT lead',
      sourceSystem: '',
    });
  });

  test('a large daily population is sampled by the practitioner range', () => {
    const ok = facts.map((f) => (f.id === 'BCK-02' ? { ...f, history: { ...f.history!, retention: 'P2Y' } } : f));
    const readiness = engagementReadiness({
      engagement: { type: 'type2', window: { start: '2027-01-01', end: '2027-06-30' } },
      today: '2026-12-01',
      controls: ok,
    });
    const rows = evidenceRequests({ readiness, facts: ok, today: '2026-12-01', focus: focusWindow(readiness) });
    expect(rows.find((r) => r.requestId === 'PBC-BCK-02-1-S')).toMatchObject({
      expectedPopulation: '181',
      sampleBasis: 'Auditor selects 20–40 of 181 (practitioner convention, not an AICPA rule)',
      dueDate: '',
      status: 'open',
    });
  });

  test('Type I (and no engagement): one as-of request per item, blocked by the Type I status', () => {
    for (const engagement of [undefined, { type: 'type1' as const, asOf: '2026-12-01' }]) {
      expect(pick(evidenceRequests(audit(engagement))).map((r) => [r[0], r[1], r[2], r[7], r[8]])).toEqual([
        ['PBC-ACC-08-1-D', 'as-of', '2026-12-01', 'open', ''],
        ['PBC-ACC-08-2-D', 'as-of', '2026-12-01', 'open', ''],
        ['PBC-ACC-03-1-D', 'as-of', '2026-12-01', 'open', ''],
        ['PBC-BCK-02-1-D', 'as-of', '2026-12-01', 'open', ''],
        ['PBC-VND-02-1-D', 'as-of', '2026-12-01', 'blocked', 'not-designed'],
      ]);
    }
  });
});

describe('CSV', () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ['+1 export', "'+1 export"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTabbed', "'\tTabbed"],
    ['\rCarriage', "'\rCarriage"],
    ['Plain = text', 'Plain = text'],
    ['', ''],
  ])('safeCell(%j) = %j', (value, expected) => expect(safeCell(value)).toBe(expected));

  test('parses back (RFC 4180) to the same cells, hostile values neutralised, quotes and line breaks kept', () => {
    const rows = evidenceRequests(audit({ type: 'type2', window: { start: '2027-01-01', end: '2027-06-30' } })).map(
      (r, i) =>
        i === 0
          ? { ...r, artifact: '=HYPERLINK("http://evil.example","click")' }
          : i === 1
            ? { ...r, artifact: 'Sign-off, with "quotes"\r\nand a second line' }
            : r,
    );
    const csv = toCsv(rows);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed).toEqual(cellRows(rows));
    expect(parsed[1]?.[4]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(parsed[2]?.[4]).toBe('Sign-off, with "quotes"\r\nand a second line');
    expect(parsed[0]).toEqual([
      'Request ID',
      'Control',
      'Criteria',
      'Request type',
      'Artifact',
      'Source system',
      'Period from',
      'Period to',
      'Frequency',
      'Expected population',
      'Sample basis',
      'Owner',
      'Due date',
      'Status',
      'Blocked by',
    ]);
  });
});
