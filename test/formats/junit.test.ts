import { describe, expect, test } from '@jest/globals';
import { validateJUnit } from '../helpers/schemas.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { findings, outcome, outOfScope, unmappedAt } from '../helpers/findings.js';
import { escapeXmlAttr, escapeXmlText, junitTimestamp, toJUnit } from '../../src/formats/junit.js';

const gap = (id: string) =>
  unmappedAt(id, `Map a control to ${id} in controls/.\nOr exclude ${id} in soc2-ready.yaml.`);

const clean = findings([
  outcome('CC7.1', 'Detection of configuration changes', 'passed'),
  outcome('CC7.2', 'Monitoring for anomalies', 'passed'),
  outcome('A1.1', 'Capacity management', 'passed'),
  outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
]);

const broken = findings(
  [
    outcome('CC7.1', 'Detection of configuration changes', 'failed', gap('CC7.1')),
    outcome('CC7.2', 'Monitoring for anomalies', 'passed'),
    outcome('A1.1', 'Capacity management', 'passed'),
    outcome('A1.2', 'Environmental protections & backups', 'failed', gap('A1.2')),
    outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
    outcome('C1.2', 'Disposal of confidential information', 'skipped', outOfScope),
  ],
  [
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
      message: 'Unexpected <tab> in indentation.',
      file: 'controls/b.yaml',
      line: 2,
      column: 1,
    },
    {
      code: 'no-criteria',
      severity: 'warning',
      message: 'Control "AC-2" maps to no criterion, so it counts towards nothing.',
      file: 'controls/c.yaml',
      line: 7,
      column: 5,
    },
  ],
);

const validate = validateJUnit;

/** The attributes of every <tag ...> start tag, in document order (the output has one tag per line). */
function startTags(xml: string, tag: string): Record<string, string>[] {
  const tags = [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, 'g'))];
  return tags.map((m) => Object.fromEntries([...m[1]!.matchAll(/(\S+?)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

const counts = (a: Record<string, string>) => [a.name, a.tests, a.failures, a.errors, a.skipped];

describe('toJUnit on a clean run', () => {
  const xml = toJUnit(clean);

  test('is valid against the Ant JUnit schema', async () => {
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('starts with the XML declaration and counts everything in testsuites', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="soc2-ready check" tests="4" failures="0" errors="0" skipped="1" time="0" timestamp="2025-03-04T05:06:07">\n',
      ),
    ).toBe(true);
  });

  test('has one suite per category in order of appearance and no "Control files" suite', () => {
    expect(startTags(xml, 'testsuite').map(counts)).toEqual([
      ['Security', '2', '0', '0', '0'],
      ['Availability', '1', '0', '0', '0'],
      ['Confidentiality', '1', '0', '0', '1'],
    ]);
    expect(startTags(xml, 'testsuite').map((a) => [a.id, a.package, a.hostname, a.time])).toEqual([
      ['0', 'soc2-ready', 'localhost', '0'],
      ['1', 'soc2-ready', 'localhost', '0'],
      ['2', 'soc2-ready', 'localhost', '0'],
    ]);
  });

  test('writes a skipped criterion with its reason', () => {
    expect(xml).toContain(
      '<testcase classname="C1 Additional Criteria for Confidentiality" name="C1.1 Identification of confidential information" time="0">\n      <skipped message="Out of scope."/>\n    </testcase>',
    );
  });
});

describe('toJUnit on a broken run', () => {
  const xml = toJUnit(broken);

  test('is valid against the Ant JUnit schema', async () => {
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('totals: 6 criteria + 3 diagnostics, 2 failures, 2 errors, 2 skipped', () => {
    const [root] = startTags(xml, 'testsuites');
    expect(counts(root!)).toEqual(['soc2-ready check', '9', '2', '2', '2']);
  });

  test('per-suite counts, with the diagnostics last in "Control files"', () => {
    expect(startTags(xml, 'testsuite').map(counts)).toEqual([
      ['Security', '2', '1', '0', '0'],
      ['Availability', '2', '1', '0', '0'],
      ['Confidentiality', '2', '0', '0', '2'],
      ['Control files', '3', '0', '2', '0'],
    ]);
  });

  test('names the failing and erroring testcases exactly', () => {
    const failing = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="0">\n\s*<(failure|error) /g)];
    expect(failing.map((m) => [m[3], m[1], m[2]])).toEqual([
      ['failure', 'CC7 System Operations', 'CC7.1 Detection of configuration changes'],
      ['failure', 'A1 Additional Criteria for Availability', 'A1.2 Environmental protections &amp; backups'],
      ['error', 'controls/a.yaml', 'controls/a.yaml:4:23 unknown-criterion'],
      ['error', 'controls/b.yaml', 'controls/b.yaml:2:1 yaml-syntax'],
    ]);
  });

  test('puts reason and remediation in the failure body, since GitLab ignores @message', () => {
    expect(xml).toContain(
      '<failure message="No control maps to CC7.1." type="check">No control maps to CC7.1.\nMap a control to CC7.1 in controls/.\nOr exclude CC7.1 in soc2-ready.yaml.</failure>',
    );
  });

  test('writes an error diagnostic as <error> with the code as type and the hint in the body', () => {
    expect(xml).toContain(
      '<error message="Control &quot;AC-1&quot; maps to &quot;CC9.9&quot;, which is not a TSC 2017 criterion." type="unknown-criterion">Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.2"?</error>',
    );
  });

  test('writes a warning as a passing testcase with system-out', () => {
    expect(xml).toContain(
      '<testcase classname="controls/c.yaml" name="controls/c.yaml:7:5 no-criteria" time="0">\n      <system-out>warning: Control "AC-2" maps to no criterion, so it counts towards nothing.</system-out>\n    </testcase>',
    );
  });

  test('is deterministic', () => {
    expect(toJUnit(broken)).toBe(xml);
  });
});

describe('toJUnit edge cases', () => {
  test('a diagnostic without a file gets classname soc2-ready; duplicate names get a suffix for GitLab', async () => {
    const d: Diagnostic = { code: 'schema', severity: 'error', message: 'Bad.' };
    const xml = toJUnit(findings([], [d, d]));
    expect(startTags(xml, 'testcase').map((a) => [a.classname, a.name])).toEqual([
      ['soc2-ready', 'schema'],
      ['soc2-ready', 'schema (2)'],
    ]);
    expect((await validate(xml)).valid).toBe(true);
  });

  test('escapes markup and drops characters XML 1.0 forbids, and stays valid', async () => {
    const nasty = 'a & b < c > d "e" \'f\' \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uD800 g\th\r\ni';
    const xml = toJUnit(
      findings([outcome('CC7.1', nasty, 'failed', { reason: nasty, remediation: ']]> <!-- x -->' })]),
    );
    expect(xml).toContain(`name="CC7.1 a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;  g&#9;h&#13;&#10;i"`);
    expect(xml).toContain(
      `type="check">a &amp; b &lt; c &gt; d "e" 'f'  g\th&#13;\ni\n]]&gt; &lt;!-- x --&gt;</failure>`,
    );
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
  });

  test.each([
    ['a & "b"', 'a &amp; &quot;b&quot;'],
    ["it's\n", 'it&apos;s&#10;'],
  ])('escapeXmlAttr(%j)', (input, output) => {
    expect(escapeXmlAttr(input)).toBe(output);
  });

  test('escapeXmlText keeps quotes and newlines', () => {
    expect(escapeXmlText('"x"\n<y>')).toBe('"x"\n&lt;y&gt;');
  });

  test.each([
    ['2025-03-04T05:06:07.890Z', '2025-03-04T05:06:07'],
    ['2025-03-04T05:06:07+02:00', '2025-03-04T03:06:07'],
    ['2025-12-31T23:59:59Z', '2025-12-31T23:59:59'],
  ])('timestamp %s → %s (UTC, no zone, as the Ant schema wants)', (iso, expected) => {
    expect(junitTimestamp(iso)).toBe(expected);
  });
});

describe('the JUnit XSD fixture', () => {
  test('rejects a non-integer count', async () => {
    const result = await validate(toJUnit(broken).replace('tests="9"', 'tests="x"'));
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.message).join('\n')).toContain(
      "'x' is not a valid value of the atomic type 'xs:int'",
    );
  });

  test('rejects a failure without a type and a testcase without a name', async () => {
    const xml = toJUnit(broken).replace(' type="check"', '').replace(' name="CC7.2 Monitoring for anomalies"', '');
    const result = await validate(xml);
    expect(result.valid).toBe(false);
    const messages = result.errors.map((e) => e.message).join('\n');
    expect(messages).toContain("The attribute 'type' is required but missing");
    expect(messages).toContain("The attribute 'name' is required but missing");
  });

  test('rejects a timestamp with a zone', async () => {
    const result = await validate(toJUnit(clean).replace(/timestamp="([^"]+)"/, 'timestamp="$1Z"'));
    expect(result.valid).toBe(false);
  });
});
