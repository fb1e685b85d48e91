import { describe, expect, test } from '@jest/globals';
import { sarifErrors } from '../helpers/schemas.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../../src/diagnostic-codes.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { findings, outcome, outOfScope, unmappedAt } from '../helpers/findings.js';
import { FINGERPRINT_KEY, toSarif, type SarifLog } from '../../src/formats/sarif.js';

const gap = (id: string) => unmappedAt(id);

const unknownCriterion: Diagnostic = {
  code: 'unknown-criterion',
  severity: 'error',
  message: 'Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion.',
  file: 'controls/a.yaml',
  line: 4,
  column: 23,
  hint: 'Did you mean "CC9.2"?',
};

const clean = findings([
  outcome('CC7.1', 'Detection of configuration changes', 'passed'),
  outcome('A1.1', 'Capacity management', 'passed'),
  outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
]);

const broken = findings(
  [
    outcome('CC7.1', 'Detection of configuration changes', 'failed', gap('CC7.1')),
    outcome('A1.1', 'Capacity management', 'passed'),
    outcome('A1.2', 'Environmental protections', 'failed', gap('A1.2')),
    outcome('C1.1', 'Identification of confidential information', 'skipped', outOfScope),
  ],
  [
    unknownCriterion,
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
    },
  ],
);

function errorsOf(log: unknown): string[] {
  return sarifErrors(log);
}

/** Serialised and parsed back, as a consumer sees it. */
const roundTrip = (log: SarifLog): SarifLog => JSON.parse(JSON.stringify(log)) as SarifLog;

describe('toSarif on a clean run', () => {
  const log = toSarif(clean);

  test('is valid SARIF 2.1.0 with one run, no rules and no results', () => {
    expect(errorsOf(roundTrip(log))).toEqual([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toEqual({
      name: 'soc2-ready',
      version: '0.1.0',
      informationUri: 'https://example.com/soc2-ready',
      rules: [],
    });
    expect(log.runs[0].results).toEqual([]);
  });
});

describe('toSarif on a broken run', () => {
  const log = toSarif(broken);
  const [run] = log.runs;

  test('is valid against the official schema', () => {
    expect(errorsOf(roundTrip(log))).toEqual([]);
  });

  test('has one rule per diagnostic code and per failed criterion, sorted by id', () => {
    expect(
      run.tool.driver.rules.map((r) => [r.id, r.name, r.shortDescription.text, r.defaultConfiguration.level]),
    ).toEqual([
      ['TSC/A1.2', 'A1.2', 'Environmental protections', 'error'],
      ['TSC/CC7.1', 'CC7.1', 'Detection of configuration changes', 'error'],
      ['no-criteria', 'NoCriteria', 'A control maps to no criterion.', 'warning'],
      ['unknown-criterion', 'UnknownCriterion', 'An id is not a TSC 2017 criterion.', 'error'],
      ['yaml-syntax', 'YamlSyntax', 'A YAML file could not be parsed.', 'error'],
    ]);
    expect(run.tool.driver.rules.map((r) => r.helpUri)).toEqual([
      'https://example.com/soc2-ready',
      'https://example.com/soc2-ready',
      'https://example.com/soc2-ready#diagnostic-codes',
      'https://example.com/soc2-ready#diagnostic-codes',
      'https://example.com/soc2-ready#diagnostic-codes',
    ]);
  });

  test('has diagnostics then failed criteria, in input order, with exact levels, uris and regions', () => {
    const summary = run.results.map((r) => {
      const loc = r.locations?.[0]?.physicalLocation;
      return [r.ruleId, r.level, loc?.artifactLocation.uri, loc?.artifactLocation.uriBaseId, loc?.region];
    });
    expect(summary).toEqual([
      ['unknown-criterion', 'error', 'controls/a.yaml', '%SRCROOT%', { startLine: 4, startColumn: 23 }],
      ['yaml-syntax', 'error', 'controls/b.yaml', '%SRCROOT%', { startLine: 2, startColumn: 1 }],
      ['no-criteria', 'warning', 'controls/c.yaml', '%SRCROOT%', { startLine: 7 }],
      ['TSC/CC7.1', 'error', 'soc2-ready.yaml', '%SRCROOT%', { startLine: 3, startColumn: 1 }],
      ['TSC/A1.2', 'error', 'soc2-ready.yaml', '%SRCROOT%', { startLine: 3, startColumn: 1 }],
    ]);
  });

  test('ruleIndex points at the rule named by ruleId', () => {
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  test('messages join message and hint, or reason and remediation', () => {
    expect(run.results[0]!.message.text).toBe(
      'Control "AC-1" maps to "CC9.9", which is not a TSC 2017 criterion. Did you mean "CC9.2"?',
    );
    expect(run.results[3]!.message.text).toBe('No control maps to CC7.1.\nMap a control to CC7.1 in controls/.');
  });

  test('fingerprints are sha-256 hex, distinct, and survive a line change', () => {
    const prints = run.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]!);
    for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(prints).size).toBe(prints.length);
    const moved = toSarif(findings([], [{ ...unknownCriterion, line: 40, column: 2 }])).runs[0].results[0]!;
    expect(moved.partialFingerprints).toEqual(run.results[0]!.partialFingerprints);
  });

  test('is deterministic', () => {
    expect(JSON.stringify(toSarif(broken))).toBe(JSON.stringify(log));
  });
});

describe('toSarif edge cases', () => {
  test('omits locations when there is no place, and the region when there is no line', () => {
    const log = toSarif(
      findings(
        [outcome('CC7.1', 'Detection', 'failed', { reason: 'Gap.' })],
        [
          { code: 'schema', severity: 'error', message: 'Bad config.' },
          { code: 'encoding', severity: 'error', message: 'Not UTF-8.', file: 'controls/x.yaml' },
        ],
      ),
    );
    const [noFile, fileOnly, noLocation] = log.runs[0].results;
    expect(noFile).not.toHaveProperty('locations');
    expect(fileOnly!.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'controls/x.yaml', uriBaseId: '%SRCROOT%' } } },
    ]);
    expect(noLocation).not.toHaveProperty('locations');
    expect(noLocation!.message.text).toBe('Gap.');
    expect(errorsOf(roundTrip(log))).toEqual([]);
  });

  test('percent-encodes path segments so the uri is a valid reference', () => {
    const log = toSarif(
      findings([], [{ code: 'schema', severity: 'warning', message: 'x', file: 'my controls/a#1.yaml', line: 1 }]),
    );
    expect(log.runs[0].results[0]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe(
      'my%20controls/a%231.yaml',
    );
  });

  test.each(Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[])(
    'code %s gets its rule text from the code table',
    (code) => {
      const log = toSarif(findings([], [{ code, severity: 'warning', message: 'x' }]));
      expect(log.runs[0].tool.driver.rules).toEqual([
        expect.objectContaining({ id: code, shortDescription: { text: DIAGNOSTIC_CODES[code].summary } }),
      ]);
    },
  );
});

describe('the SARIF schema fixture', () => {
  test('rejects a log without a driver name and with a bad level', () => {
    const bad = roundTrip(toSarif(broken)) as unknown as {
      runs: { tool: { driver: Record<string, unknown> }; results: Record<string, unknown>[] }[];
    };
    delete bad.runs[0]!.tool.driver.name;
    bad.runs[0]!.results[0]!.level = 'fatal';
    const errors = errorsOf(bad);
    expect(errors).toContain("/runs/0/tool/driver must have required property 'name'");
    expect(errors).toContain('/runs/0/results/0/level must be equal to one of the allowed values');
  });

  test('rejects a region starting at line 0', () => {
    const bad = roundTrip(toSarif(broken));
    bad.runs[0].results[0]!.locations![0]!.physicalLocation.region!.startLine = 0;
    expect(errorsOf(bad)).toContain('/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1');
  });
});
