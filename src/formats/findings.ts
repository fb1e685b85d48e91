import type { Diagnostic } from '../diagnostics.js';

/**
 * The neutral model the CI formats (JUnit, SARIF, GitHub annotations, step summary) render.
 * Both `check` (is every criterion mapped?) and `report` (is every criterion ready?) produce it,
 * so each format is written once.
 */
export type OutcomeStatus = 'passed' | 'failed' | 'skipped';

export interface FindingLocation {
  /** Relative to the working directory, forward slashes. May be a folder (e.g. the controls directory). */
  file: string;
  line?: number;
  column?: number;
}

export interface CriterionOutcome {
  id: string;
  title: string;
  category: string;
  categoryName: string;
  /** e.g. "CC6 Logical and Physical Access Controls" */
  series: string;
  status: OutcomeStatus;
  /** One sentence: why it failed ("No control maps to CC7.1.") or was skipped ("Out of scope."). */
  reason?: string;
  /** What to do about a failure; may hold several lines. */
  remediation?: string;
  /** Where a failure should point (the config file or the controls folder). */
  location?: FindingLocation;
}

export interface Findings {
  tool: { name: string; version: string; informationUri: string };
  /** Which command produced the findings. */
  command: 'check' | 'report' | 'verify';
  /** ISO 8601 time, from the injected clock. */
  generatedAt: string;
  /** All catalog criteria in AICPA order. */
  outcomes: CriterionOutcome[];
  /** Problems in the content itself (YAML, schema, unknown ids, ...), never duplicating an outcome. */
  diagnostics: Diagnostic[];
}

/** Where the CI formats (SARIF, JUnit) say the tool's documentation lives. */
export const INFORMATION_URI = 'https://github.com/soc2-ready/soc2-ready';
