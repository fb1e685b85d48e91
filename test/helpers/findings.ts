import type { Diagnostic } from '../../src/diagnostics.js';
import type { CriterionOutcome, Findings, OutcomeStatus } from '../../src/formats/findings.js';

/** Hand-built Findings for the CI-format tests (JUnit, SARIF, GitHub). */
const CATEGORIES: Record<string, [string, string]> = {
  CC: ['Security', 'CC7 System Operations'],
  A: ['Availability', 'A1 Additional Criteria for Availability'],
  C: ['Confidentiality', 'C1 Additional Criteria for Confidentiality'],
};

export function outcome(
  id: string,
  title: string,
  status: OutcomeStatus,
  extra: Partial<CriterionOutcome> = {},
): CriterionOutcome {
  const category = id.replace(/\d.*$/, '');
  const [categoryName, series] = CATEGORIES[category]!;
  return { id, title, category, categoryName, series, status, ...extra };
}

export const outOfScope = { reason: 'Out of scope.' };

/** A failed criterion pointing at the config; `remediation` varies per test file. */
export const unmappedAt = (
  id: string,
  remediation = `Map a control to ${id} in controls/.`,
): Partial<CriterionOutcome> => ({
  reason: `No control maps to ${id}.`,
  remediation,
  location: { file: 'soc2-ready.yaml', line: 3, column: 1 },
});

export function findings(
  outcomes: CriterionOutcome[],
  diagnostics: Diagnostic[] = [],
  command: Findings['command'] = 'check',
): Findings {
  const tool = { name: 'soc2-ready', version: '0.1.0', informationUri: 'https://example.com/soc2-ready' };
  return { tool, command, generatedAt: '2025-03-04T05:06:07.890Z', outcomes, diagnostics };
}
