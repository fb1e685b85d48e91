import { describe, expect, test } from '@jest/globals';
import MarkdownIt from 'markdown-it';
import type { Diagnostic } from '../../src/diagnostics.js';
import { findings, outcome, outOfScope, unmappedAt } from '../helpers/findings.js';
import {
  escapeCell,
  escapeData,
  escapeProperty,
  toGithubAnnotations,
  toStepSummary,
} from '../../src/formats/github.js';

const gap = (id: string) => unmappedAt(id);

const cleanOutcomes = [
  outcome('CC7.1', 'Detection of configuration changes', 'passed'),
  outcome('A1.1', 'Capacity management', 'passed'),
  outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
];
const clean = findings(cleanOutcomes);

const brokenOutcomes = [
  outcome('CC7.1', 'Detection of configuration changes', 'failed', gap('CC7.1')),
  outcome('A1.1', 'Capacity management', 'passed'),
  outcome('A1.2', 'Environmental protections', 'failed', gap('A1.2')),
  outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
];
const brokenDiagnostics: Diagnostic[] = [
  {
    code: 'unknown-criterion',
    severity: 'error',
    message: 'Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion.',
    file: 'controls/a.yaml',
    line: 4,
    column: 23,
    hint: 'Did you mean "CC9.2"?',
  },
  {
    code: 'yaml-syntax',
    severity: 'error',
    message: 'Unexpected tab in indentation.',
    file: 'controls/b.yaml',
    line: 2,
    column: 1,
  },
  {
    code: 'no-criteria',
    severity: 'warning',
    message: 'Control "AC-2" maps to no criterion.',
    file: 'controls/c.yaml',
    line: 7,
    column: 5,
  },
];
const broken = findings(brokenOutcomes, brokenDiagnostics);

const NOTICE = (n: number) =>
  `::notice title=soc2-ready::${n} more findings not shown as annotations; see the job summary.`;
const lines = (text: string) => text.split('\n').slice(0, -1);

describe('toGithubAnnotations', () => {
  test('writes nothing for a clean run', () => {
    expect(toGithubAnnotations(clean)).toBe('');
  });

  test('writes one exact line per diagnostic, then per failed criterion', () => {
    expect(toGithubAnnotations(broken)).toBe(
      [
        '::error file=controls/a.yaml,line=4,col=23,title=unknown-criterion::Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.2"?',
        '::error file=controls/b.yaml,line=2,col=1,title=yaml-syntax::Unexpected tab in indentation.',
        '::warning file=controls/c.yaml,line=7,col=5,title=no-criteria::Control "AC-2" maps to no criterion.',
        '::error file=soc2-ready.yaml,line=3,col=1,title=CC7.1 unmapped::No control maps to CC7.1.%0AMap a control to CC7.1 in controls/.',
        '::error file=soc2-ready.yaml,line=3,col=1,title=A1.2 unmapped::No control maps to A1.2.%0AMap a control to A1.2 in controls/.',
        '',
      ].join('\n'),
    );
  });

  test('titles a failure from report as a gap', () => {
    const out = toGithubAnnotations(findings([brokenOutcomes[0]!], [], 'report'));
    expect(out).toBe(
      '::error file=soc2-ready.yaml,line=3,col=1,title=CC7.1 gap::No control maps to CC7.1.%0AMap a control to CC7.1 in controls/.\n',
    );
  });

  test('leaves out what is unknown: no file → no line or col; no line → no col', () => {
    const out = toGithubAnnotations(
      findings(
        [outcome('CC7.1', 'Detection', 'failed', { reason: 'Gap.', location: { file: 'controls' } })],
        [
          { code: 'schema', severity: 'error', message: 'No place.', line: 3, column: 4 },
          { code: 'encoding', severity: 'warning', message: 'File only.', file: 'controls/x.yaml', column: 9 },
        ],
      ),
    );
    expect(lines(out)).toEqual([
      '::error title=schema::No place.',
      '::warning file=controls/x.yaml,title=encoding::File only.',
      '::error file=controls,title=CC7.1 unmapped::Gap.',
    ]);
  });

  test('escapes % CR LF in messages, and also : and , in paths and titles, as @actions/core does', () => {
    const d: Diagnostic = {
      code: 'schema',
      severity: 'error',
      message: 'Line one: 50% done, really\r\nline two',
      file: 'controls/odd,name: 100%.yaml',
      line: 1,
      column: 2,
      hint: 'Fix it:\nnow, please.',
    };
    expect(toGithubAnnotations(findings([], [d]))).toBe(
      '::error file=controls/odd%2Cname%3A 100%25.yaml,line=1,col=2,title=schema::Line one: 50%25 done, really%0D%0Aline two Fix it:%0Anow, please.\n',
    );
  });

  test.each([
    ['100%', '100%25', '100%25'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['x\r\ny', 'x%0D%0Ay', 'x%0D%0Ay'],
    ['%0A', '%250A', '%250A'],
  ])('escapeData / escapeProperty of %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });

  const errors = (n: number, severity: Diagnostic['severity'] = 'error'): Diagnostic[] =>
    Array.from({ length: n }, (_, i) => ({
      code: 'schema',
      severity,
      message: `Problem ${i + 1}.`,
      file: `controls/${severity}-${i + 1}.yaml`,
      line: 1,
    }));

  test('caps 25 errors at 10 lines plus exactly one notice', () => {
    const out = lines(toGithubAnnotations(findings([], errors(25))));
    expect(out).toHaveLength(11);
    expect(out.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(out[0]).toBe('::error file=controls/error-1.yaml,line=1,title=schema::Problem 1.');
    expect(out[9]).toBe('::error file=controls/error-10.yaml,line=1,title=schema::Problem 10.');
    expect(out[10]).toBe(NOTICE(15));
  });

  test('caps errors and warnings separately; failed criteria count as errors', () => {
    const out = lines(toGithubAnnotations(findings(brokenOutcomes, [...errors(9), ...errors(12, 'warning')])));
    expect(out.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(out.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    expect(out.filter((l) => l.startsWith('::error ') && l.includes('title=CC7.1 unmapped')).length).toBe(1);
    // 9 + 2 = 11 errors (1 cut) and 12 warnings (2 cut).
    expect(out.at(-1)).toBe(NOTICE(3));
    expect(out.filter((l) => l.startsWith('::notice ')).length).toBe(1);
  });

  test('honours custom limits, and says "finding" for one', () => {
    const out = lines(toGithubAnnotations(findings([], errors(3)), { error: 2, warning: 0 }));
    expect(out).toHaveLength(3);
    expect(out[2]).toBe('::notice title=soc2-ready::1 more finding not shown as annotations; see the job summary.');
  });

  test('writes no notice when nothing was cut', () => {
    expect(lines(toGithubAnnotations(findings([], errors(10)))).some((l) => l.startsWith('::notice'))).toBe(false);
  });
});

describe('toStepSummary', () => {
  test('a clean run: heading and verdict only', () => {
    expect(toStepSummary(clean)).toBe(
      '## soc2-ready check\n\n**Passed:** 0 criteria unmapped, 2 passed, 1 skipped; 0 errors and 0 warnings in the control files.\n',
    );
  });

  test('a broken run: verdict, failed criteria table, diagnostics table', () => {
    expect(toStepSummary(findings(brokenOutcomes, brokenDiagnostics, 'report'))).toBe(
      [
        '## soc2-ready report',
        '',
        '**Failed:** 2 criteria not ready, 1 passed, 1 skipped; 2 errors and 1 warning in the control files.',
        '',
        '| Criterion | Category | Status | Reason |',
        '| --- | --- | --- | --- |',
        '| CC7.1 Detection of configuration changes | Security | gap | No control maps to CC7.1.<br>Map a control to CC7.1 in controls/. |',
        '| A1.2 Environmental protections | Availability | gap | No control maps to A1.2.<br>Map a control to A1.2 in controls/. |',
        '',
        '| Location | Severity | Code | Message |',
        '| --- | --- | --- | --- |',
        '| controls/a.yaml:4:23 | error | unknown-criterion | Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.2"? |',
        '| controls/b.yaml:2:1 | error | yaml-syntax | Unexpected tab in indentation. |',
        '| controls/c.yaml:7:5 | warning | no-criteria | Control "AC-2" maps to no criterion. |',
        '',
      ].join('\n'),
    );
  });

  test.each([
    ['a|b', 'a\\|b'],
    ['one\ntwo\r\nthree', 'one<br>two<br>three'],
    ['<b> & \\', '&lt;b&gt; &amp; \\\\'],
  ])('escapeCell(%j)', (input, output) => {
    expect(escapeCell(input)).toBe(output);
  });

  test('pipes, newlines and markup in cells survive a real Markdown renderer', () => {
    const nasty = 'Use a | b, not <c>.\nThen \\| done & go.';
    const md = toStepSummary(
      findings([], [{ code: 'schema', severity: 'error', message: nasty, file: 'x|y.yaml', line: 1 }]),
    );
    // html: true, as on GitHub, so <br> is a line break and only our escaping keeps <c> text.
    const html = new MarkdownIt({ html: true }).render(md);
    const cells = [...html.matchAll(/<td>(.*?)<\/td>/gs)].map((m) => m[1]);
    expect(cells).toEqual(['x|y.yaml:1', 'error', 'schema', 'Use a | b, not &lt;c&gt;.<br>Then \\| done &amp; go.']);
  });
});

describe('step summary size (L8)', () => {
  test('100,000 diagnostics stay under 1 MiB: whole rows, then a count of the rows left out', () => {
    const many: Diagnostic[] = Array.from({ length: 100_000 }, (_, i) => ({
      code: 'unknown-criterion',
      severity: 'error',
      message: `Control "X-${i}" maps to "CC9.9", which is not a TSC 2017 criterion.`,
      file: 'controls/a.yaml',
      line: i + 1,
      column: 5,
    }));
    const md = toStepSummary(findings([], many));
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    const rows = md.split('\n').filter((l) => l.startsWith('| controls/a.yaml:'));
    const last = md.trimEnd().split('\n').pop()!;
    expect(last).toBe(
      `${100_000 - rows.length} more rows not shown: the job summary is limited to 1 MiB. See the log or the report files.`,
    );
    expect(rows[rows.length - 1]).toMatch(/^\| controls\/a\.yaml:\d+:5 \| error \| unknown-criterion \| .* \|$/);
  });
});
