import { formatLocation, type Diagnostic } from '../diagnostics.js';
import type { CriterionOutcome, Findings } from './findings.js';

/**
 * Ant/Jenkins JUnit XML (the de facto schema; there is no official one). One testsuite per TSC
 * category, one testcase per criterion, plus a "Control files" suite for content diagnostics.
 * GitLab shows classname as "Suite" and name as "Name", ignores failure@message (so the text is
 * repeated in the body) and keeps only the first of duplicate names (so duplicates get a suffix).
 */

interface Suite {
  name: string;
  cases: string[];
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

const DIAGNOSTICS_SUITE: Record<Findings['command'], string> = {
  check: 'Control files',
  report: 'Control files',
  verify: 'Evidence and answers',
};

// XML 1.0 Char excludes C0 controls other than tab/LF/CR, U+FFFE/U+FFFF and lone surrogates;
// a single one makes the whole report unparseable, so they are dropped rather than escaped.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

export function escapeXmlText(value: string): string {
  return value
    .replace(ILLEGAL_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also need quotes escaped, and whitespace as references: a parser would turn raw ones into spaces. */
export function escapeXmlAttr(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXmlAttr(String(value))}"`)
    .join('');
}

/** The Ant schema types timestamps as xs:dateTime without fraction or zone, so send UTC to the second. */
export function junitTimestamp(iso: string): string {
  const time = Date.parse(iso);
  if (!Number.isNaN(time)) return new Date(time).toISOString().slice(0, 19);
  return iso.slice(0, 19);
}

function joinText(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join('\n');
}

function outcomeCase(outcome: CriterionOutcome, command: string): string {
  const open = `<testcase${attrs({ classname: outcome.series, name: `${outcome.id} ${outcome.title}`, time: '0' })}`;
  if (outcome.status === 'failed') {
    const reason = outcome.reason ?? `${outcome.id} did not pass.`;
    const body = escapeXmlText(joinText(reason, outcome.remediation));
    return `${open}>\n      <failure${attrs({ message: reason, type: command })}>${body}</failure>\n    </testcase>`;
  }
  if (outcome.status === 'skipped') {
    const reason = outcome.reason ?? 'Skipped.';
    return `${open}>\n      <skipped${attrs({ message: reason })}/>\n    </testcase>`;
  }
  return `${open}/>`;
}

function emptySuite(name: string): Suite {
  return { name, cases: [], tests: 0, failures: 0, errors: 0, skipped: 0 };
}

function criteriaSuites(findings: Findings): Suite[] {
  const suites = new Map<string, Suite>();
  for (const outcome of findings.outcomes) {
    let suite = suites.get(outcome.category);
    if (!suite) suites.set(outcome.category, (suite = emptySuite(outcome.categoryName)));
    suite.cases.push(outcomeCase(outcome, findings.command));
    suite.tests++;
    if (outcome.status === 'failed') suite.failures++;
    if (outcome.status === 'skipped') suite.skipped++;
  }
  return [...suites.values()];
}

function diagnosticCase(d: Diagnostic, name: string): string {
  const open = `<testcase${attrs({ classname: d.file ?? 'soc2-ready', name, time: '0' })}>`;
  const text = d.hint ? `${d.message} ${d.hint}` : d.message;
  const body = escapeXmlText(text);
  const inner =
    d.severity === 'error'
      ? `<error${attrs({ message: d.message, type: d.code })}>${body}</error>`
      : `<system-out>warning: ${body}</system-out>`;
  return `${open}\n      ${inner}\n    </testcase>`;
}

function diagnosticsSuite(diagnostics: readonly Diagnostic[], command: Findings['command']): Suite {
  const suite = emptySuite(DIAGNOSTICS_SUITE[command]);
  const seen = new Map<string, number>();
  for (const d of diagnostics) {
    const base = [formatLocation(d), d.code].filter((part) => part !== '').join(' ');
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    suite.cases.push(diagnosticCase(d, count === 1 ? base : `${base} (${count})`));
    suite.tests++;
    if (d.severity === 'error') suite.errors++;
  }
  return suite;
}

function renderSuite(suite: Suite, id: number, findings: Findings, timestamp: string): string {
  const head = attrs({
    name: suite.name,
    id,
    package: findings.tool.name,
    hostname: 'localhost',
    tests: suite.tests,
    failures: suite.failures,
    errors: suite.errors,
    skipped: suite.skipped,
    time: '0',
    timestamp,
  });
  // The Ant schema requires properties, system-out and system-err on every suite, even empty.
  const cases = suite.cases.map((c) => `    ${c}\n`).join('');
  return `  <testsuite${head}>\n    <properties/>\n${cases}    <system-out/>\n    <system-err/>\n  </testsuite>\n`;
}

export function toJUnit(findings: Findings): string {
  const suites = criteriaSuites(findings);
  if (findings.diagnostics.length > 0) suites.push(diagnosticsSuite(findings.diagnostics, findings.command));
  const timestamp = junitTimestamp(findings.generatedAt);
  const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[key], 0);
  const head = attrs({
    name: `${findings.tool.name} ${findings.command}`,
    tests: sum('tests'),
    failures: sum('failures'),
    errors: sum('errors'),
    skipped: sum('skipped'),
    time: '0',
    timestamp,
  });
  const body = suites.map((suite, id) => renderSuite(suite, id, findings, timestamp)).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${head}>\n${body}</testsuites>\n`;
}
