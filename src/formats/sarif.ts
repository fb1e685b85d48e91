import { createHash } from 'node:crypto';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../diagnostic-codes.js';
import { naturalCompare, type Diagnostic } from '../diagnostics.js';
import type { CriterionOutcome, FindingLocation, Findings } from './findings.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: content diagnostics and failed
 * criteria become results. Only the subset of the OASIS types this file writes is declared.
 */

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifMessage {
  text: string;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  help?: SarifMessage;
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
}

export interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
    region?: { startLine: number; startColumn?: number };
  };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
}

export interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
  // yaml's LineCounter counts columns in UTF-16 code units, as JavaScript strings do.
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifLog {
  $schema: 'https://json.schemastore.org/sarif-2.1.0.json';
  version: '2.1.0';
  runs: [SarifRun];
}

export const FINGERPRINT_KEY = 'soc2ReadyFinding/v1';

/** "unknown-criterion" → "UnknownCriterion": SARIF viewers expect a PascalCase friendly name. */
function pascalCase(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

function diagnosticRule(code: DiagnosticCode, diagnostics: readonly Diagnostic[], informationUri: string): SarifRule {
  const anyError = diagnostics.some((d) => d.code === code && d.severity === 'error');
  const info = DIAGNOSTIC_CODES[code];
  return {
    id: code,
    name: pascalCase(code) || code,
    shortDescription: { text: info.summary },
    helpUri: `${informationUri}#${info.anchor}`,
    defaultConfiguration: { level: anyError ? 'error' : 'warning' },
  };
}

function criterionRule(outcome: CriterionOutcome, helpUri: string): SarifRule {
  return {
    id: criterionRuleId(outcome),
    name: outcome.id,
    shortDescription: { text: outcome.title },
    ...(outcome.remediation ? { help: { text: outcome.remediation } } : {}),
    helpUri,
    defaultConfiguration: { level: 'error' },
  };
}

function criterionRuleId(outcome: CriterionOutcome): string {
  return `TSC/${outcome.id}`;
}

function buildRules(findings: Findings): SarifRule[] {
  const { diagnostics, outcomes, tool } = findings;
  const codes = [...new Set(diagnostics.map((d) => d.code))];
  const rules = [
    ...codes.map((code) => diagnosticRule(code, diagnostics, tool.informationUri)),
    ...outcomes.filter((o) => o.status === 'failed').map((o) => criterionRule(o, tool.informationUri)),
  ];
  // Each criterion has one outcome, so ids are unique and naturalCompare gives a total order.
  return rules.sort((a, b) => naturalCompare(a.id, b.id));
}

/** Relative paths become URI references: segments percent-encoded, slashes kept. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function location(at: FindingLocation): SarifLocation {
  const physicalLocation: SarifLocation['physicalLocation'] = {
    artifactLocation: { uri: toUri(at.file), uriBaseId: '%SRCROOT%' },
  };
  if (at.line !== undefined) {
    physicalLocation.region = { startLine: at.line, ...(at.column !== undefined ? { startColumn: at.column } : {}) };
  }
  return { physicalLocation };
}

/** Line numbers stay out of the hash so an alert survives edits above it. */
function fingerprint(ruleId: string, file: string, key: string): Record<string, string> {
  const hash = createHash('sha256').update([ruleId, file, key].join('\u0000')).digest('hex');
  return { [FINGERPRINT_KEY]: hash };
}

function joinText(separator: string, ...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}

function diagnosticResult(d: Diagnostic, ruleIndex: number): SarifResult {
  return {
    ruleId: d.code,
    ruleIndex,
    level: d.severity,
    message: { text: joinText(' ', d.message, d.hint) },
    ...(d.file !== undefined ? { locations: [location({ file: d.file, line: d.line, column: d.column })] } : {}),
    partialFingerprints: fingerprint(d.code, d.file ?? '', d.message),
  };
}

function outcomeResult(outcome: CriterionOutcome, ruleIndex: number): SarifResult {
  const ruleId = criterionRuleId(outcome);
  const reason = outcome.reason ?? `${outcome.id} did not pass.`;
  return {
    ruleId,
    ruleIndex,
    level: 'error',
    message: { text: joinText('\n', reason, outcome.remediation) },
    ...(outcome.location ? { locations: [location(outcome.location)] } : {}),
    partialFingerprints: fingerprint(ruleId, outcome.location?.file ?? '', outcome.id),
  };
}

export function toSarif(findings: Findings): SarifLog {
  const rules = buildRules(findings);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const results = [
    ...findings.diagnostics.map((d) => diagnosticResult(d, index.get(d.code)!)),
    ...findings.outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => outcomeResult(o, index.get(criterionRuleId(o))!)),
  ];
  const { name, version, informationUri } = findings.tool;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name, version, informationUri, rules } }, columnKind: 'utf16CodeUnits', results }],
  };
}
