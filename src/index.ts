/**
 * The programmatic API: the same functions the CLI uses. Pure functions take text or data and
 * return data plus diagnostics; the load* functions read files.
 *
 *   import { readBuiltinCatalog, loadControlsDir, checkInventory } from 'soc2-ready';
 *   const catalog = readBuiltinCatalog();
 *   const { controls, diagnostics } = loadControlsDir('compliance/controls', process.cwd());
 *   const result = checkInventory({ catalog, controls, scope: new Set(['security']), exclusions: [] });
 */
export type { Diagnostic, Severity, Position } from './diagnostics.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type CodeInfo } from './diagnostic-codes.js';
export { formatDiagnostic, hasErrors, naturalCompare, sortDiagnostics } from './diagnostics.js';

export type { Catalog, Category, Criterion, Control, Question, Choice, Frequency } from './catalog/types.js';
export { parseCatalog, criteriaOf } from './catalog/catalog.js';
export { parseControlFile } from './catalog/controls.js';
export { checkRules, type Exclusion, type InventoryInput } from './catalog/rules.js';
export { checkInventory, type CheckResult, type CategoryCoverage } from './catalog/coverage.js';
export { parseYamlSource } from './yaml/source.js';

export { parseConfig, DEFAULT_THRESHOLDS, type Config, type Thresholds } from './config.js';
export { resolveScope } from './scope.js';
export { readBuiltinCatalog, loadControlsDir, loadConfig, findYamlFiles } from './project/load.js';

export { parseQuestionnaire, recommendedScope, type QuestionnaireContent } from './questionnaire/content.js';
export {
  planControls,
  questionsOf,
  applies,
  applicableQuestions,
  nextUnanswered,
  staleAnswerIds,
  progress,
  NOT_SURE,
  NOT_APPLICABLE,
  type Answer,
  type Answers,
  type PlannedControl,
} from './questionnaire/plan.js';
export { parseAnswers, serializeAnswers, type AnswersDocument } from './answers.js';
export { readQuestionnaire, loadWorkspace } from './project/workspace.js';

export {
  assess,
  percent,
  statusOf,
  type Assessment,
  type Status,
  type CriterionResult,
  type ControlResult,
} from './scoring.js';
export { toReportView, type ReportMeta, type ReportView } from './report/view.js';
export { toReportJson } from './report/json.js';
export { compileReport } from './report/handlebars.js';

export type { Findings, CriterionOutcome } from './formats/findings.js';
export { checkFindings, assessmentFindings } from './formats/to-findings.js';
export { toJUnit } from './formats/junit.js';
export { toSarif } from './formats/sarif.js';
export { toGithubAnnotations, toStepSummary } from './formats/github.js';
export {
  toOscalAssessmentResults,
  OSCAL_VERSIONS,
  type OscalInput,
  type OscalEvidence,
  type OscalVersion,
} from './oscal/assessment-results.js';
export { diffReports } from './diff/compare.js';
export { toDiffJson } from './diff/json.js';
export { renderDiffMarkdown } from './diff/markdown.js';

export type { Engagement, EngagementType } from './engagement/config.js';
export type { OperatingHistory, Operations, EvidenceKept } from './engagement/operations.js';
export type {
  ControlFacts,
  Design,
  EngagementReadiness,
  WindowReadiness,
  ControlInWindow,
  TypeIReadiness,
  WindowStatus,
  SampleRange,
} from './engagement/types.js';
export { engagementReadiness, earliestFeasibleStart, windowReadiness } from './engagement/readiness.js';
export { controlInWindow, frequencyOf, REPORTING_DAYS } from './engagement/window-status.js';
export { occurrencesIn, nextDue } from './engagement/occurrences.js';
export { sampleRange, SAMPLE_CAVEAT } from './engagement/sampling.js';
export { controlFacts, designOf } from './engagement/facts.js';
