/** The JSON contract of `verify --format json`. Keys are stable; add, never rename. */
import { diagnosticJson, hasErrors, type Diagnostic } from '../diagnostics.js';
import type { RequireEvidence } from './verify.js';

/** What verify looked at, for the verdict and the JSON. */
export interface VerifySummary {
  /** Undefined when the answers file or its controls could not be read. */
  answersFile?: string;
  asOf: string;
  require: RequireEvidence;
  controls: number;
  references: { file: number; url: number; ticket: number };
}

export function toVerifyJson(diagnostics: readonly Diagnostic[], summary: VerifySummary) {
  return {
    ok: !hasErrors(diagnostics),
    answersFile: summary.answersFile ?? null,
    asOf: summary.asOf,
    requireEvidence: summary.require,
    controls: summary.controls,
    references: summary.references,
    diagnostics: diagnostics.map(diagnosticJson),
  };
}
