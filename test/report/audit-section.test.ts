/**
 * The "Audit readiness" section in the committed example reports (rendered by the built CLI; the
 * golden test checks they are current): the mature example is a Type II engagement, the others
 * have none and are shown as a Type I as of the report date.
 */
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const example = (name: string, file: string) => readFileSync(join(repoRoot, 'examples', name, file), 'utf8');
const json = (name: string) => JSON.parse(example(name, 'report.json'));
const CAVEAT = 'Sample sizes are practitioner conventions, not AICPA rules; your auditor’s sampling method governs.';

describe('mature-saas: a Type II engagement', () => {
  const engagement = json('mature-saas').engagement;
  const operations = parseYaml(example('mature-saas', 'answers.yaml')).operations as Record<
    string,
    Record<string, unknown>
  >;
  const withField = (field: string, value: unknown) =>
    Object.keys(operations).filter((id) => operations[id]![field] === value);

  test('JSON: type, Type I date, candidate windows whose per-status counts cover every control', () => {
    expect([engagement.type, engagement.assumed, engagement.typeI.asOf]).toEqual(['type2', false, '2026-12-01']);
    expect(engagement.earliestStart).toBe('2027-01-01');
    expect(
      engagement.windows.map((w: { months: number; start: string; end: string }) => [w.months, w.start, w.end]),
    ).toEqual([
      [3, '2027-01-01', '2027-03-31'],
      [6, '2027-01-01', '2027-06-30'],
      [12, '2027-01-01', '2027-12-31'],
    ]);
    for (const w of engagement.windows) {
      expect(Object.keys(w.counts)).toEqual([
        'ready',
        'thin',
        'untestable',
        'starts-late',
        'no-evidence',
        'not-designed',
        'not-sure',
      ]);
      expect(Object.values(w.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(engagement.typeI.total);
    }
    expect(engagement.sampleNote).toBe(CAVEAT);
  });

  test('6 months is recommended: 3 months leaves annual controls untestable, 12 months outlasts a 1-year retention', () => {
    const [three, six, twelve] = engagement.windows;
    expect(three.counts.untestable).toBeGreaterThan(0);
    expect([six.counts.untestable, six.counts['no-evidence']]).toEqual([0, 0]);
    expect(engagement.recommendedWindow).toBe(6);
    expect(twelve.counts['no-evidence']).toBeGreaterThanOrEqual(withField('retention', 'P1Y').length);
    expect(engagement.controlsWindow).toEqual({ months: 6, start: '2027-01-01', end: '2027-06-30' });
  });

  test('JSON controls: the recorded history decides each status', () => {
    expect(engagement.controls).toHaveLength(engagement.typeI.total);
    const byId = Object.fromEntries(engagement.controls.map((c: { id: string }) => [c.id, c]));
    // Partial evidence makes a designed control thin; a design that falls short (GOV-09: its gate
    // answer caps it at 60 %) is not-designed whatever its evidence.
    const designed = (id: string) => !json('mature-saas').gaps.some((g: { control: string }) => g.control === id);
    for (const id of withField('evidence', 'partial'))
      expect(byId[id]).toMatchObject({ status: designed(id) ? 'thin' : 'not-designed' });
    expect(byId['GOV-09']).toMatchObject({ status: 'not-designed' });
    for (const id of withField('evidence', 'not-sure'))
      expect(byId[id]).toMatchObject({ status: 'not-sure', expected: null, sample: null });
    const late = withField('since', '2026-12-07');
    expect(late).toHaveLength(1);
    expect(engagement.typeI.blockers).toContainEqual({
      id: late[0],
      status: 'starts-late',
      reason: 'Operates only from 2026-12-07.',
    });
    expect(operations['GOV-01']).toEqual({ since: '2025-06-16', lastPerformed: '2026-02-16', evidence: 'kept' });
    expect(byId['GOV-01']).toEqual({
      id: 'GOV-01',
      status: 'ready',
      expected: 1,
      sample: { low: 1, high: 1 },
      dueDates: ['2027-02-16'],
    });
  });

  test('Markdown: the section with the window table, the matrix, the controls that must occur, and the caveat', () => {
    const md = example('mature-saas', 'report.md');
    const section = md.slice(md.indexOf('## Audit readiness'), md.indexOf('## Unknowns and not applicable'));
    expect(section).toContain('Examination prepared: **SOC 2 Type II**. Fieldwork starts 2027-07-15.');
    const six = json('mature-saas').engagement.windows[1];
    const counts = Object.values(six.counts).join(' | ');
    const total = json('mature-saas').engagement.typeI.total;
    expect(section).toContain(
      `| 6 months (recommended) | 2027-01-01 | 2027-06-30 | ${six.counts.ready + six.counts.thin} of ${total} | ${counts} |`,
    );
    expect(section).toContain('### Operating evidence: 6-month window, 2027-01-01 to 2027-06-30');
    expect(section).toContain(
      '| GOV-01 Written code of conduct with a way to raise concerns | CC1.1, CC1.5, CC2.2, CC2.3 | annually | 2025-06-16 | Kept | 1 | 1 | Ready | Operates and leaves evidence through the window. |',
    );
    expect(section).toContain('### Annual and quarterly controls: they must occur inside the window');
    expect(section).toContain(CAVEAT);
  });

  test('HTML: the section and an SVG timeline with one row per annual or quarterly control', () => {
    const html = example('mature-saas', 'report.html');
    const section = html.slice(html.indexOf('<section id="audit-readiness"'), html.indexOf('<section id="unknowns"'));
    expect(section).toContain(
      '<title id="chart-timeline-title">Controls that must occur between 2027-01-01 and 2027-06-30</title>',
    );
    const rows = section.match(/<text x="100" dx="-8"/g) ?? [];
    const mustOccur = (
      section
        .match(/<h3>Annual and quarterly controls: they must occur inside the window<\/h3>[\s\S]*?<\/table>/)?.[0]
        .match(/<tr><td>/g) ?? []
    ).length;
    expect(rows.length).toBe(mustOccur);
    expect(rows.length).toBeGreaterThan(0);
    expect(section).toContain('<circle class="ready" cx=');
  });
});

describe('examples without an engagement: a Type I as of the report date, said so', () => {
  test.each(['early-stage-saas', 'health-privacy'])('%s', (name) => {
    const e = json(name).engagement;
    expect([e.type, e.assumed, e.asOf, e.recommendedWindow]).toEqual(['type1', true, '2026-11-18', null]);
    expect(e.controls.every((c: { expected: number }) => c.expected === 1)).toBe(true);
    expect(example(name, 'report.md')).toContain(
      '> No engagement is set in soc2-ready.yaml, so this section treats the examination as a Type I as of today (2026-11-18).',
    );
  });
});

describe('text report', () => {
  test('mature-saas: windows and the recommendation on the terminal summary', () => {
    const r = runCli(['report', '--format', 'text'], {
      cwd: join(repoRoot, 'examples', 'mature-saas'),
      env: { SOURCE_DATE_EPOCH: '1795000000' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Audit readiness (SOC 2 Type II)');
    const e = json('mature-saas').engagement;
    expect(r.stdout).toContain(
      `Type I as of 2026-12-01: ${e.typeI.ready} of ${e.typeI.total} in-scope controls are designed and in operation on that date.`,
    );
    expect(r.stdout).toContain(
      'Recommended: the 6-month window from 2027-01-01 to 2027-06-30, the shortest with no untestable control and no control without evidence.',
    );
    const c = e.windows[1].counts;
    expect(r.stdout).toContain(
      `Blocking in the 6-month window, 2027-01-01 to 2027-06-30: ${c['not-designed']} not designed, ${c['not-sure']} not sure.`,
    );
    expect(r.stdout).toContain(CAVEAT);
  });
});
