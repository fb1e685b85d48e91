/** Loads everything `assess` and `report` work on: catalog, questionnaire content, controls, answers. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  BUILTIN_CONTROLS,
  DEFAULT_ANSWERS_FILE,
  emptyAnswers,
  parseAnswers,
  type AnswersDocument,
} from '../answers.js';
import type { Catalog, Control } from '../catalog/types.js';
import type { Config } from '../config.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { checkRules } from '../catalog/rules.js';
import { ContentError, UsageError } from '../errors.js';
import { readTextFileOrThrow } from '../runtime/read-file.js';
import { resolveControlsDir } from './controls-dir.js';
import { loadConfig, loadControlsDir, readBuiltinCatalog } from './load.js';
import { snapshotQuestionnaire } from '../runtime/builtin-snapshot.js';
import { builtinControlsDir, builtinQuestionnaireFile, displayPath } from '../runtime/paths.js';
import { parseQuestionnaire, type QuestionnaireContent } from '../questionnaire/content.js';
import { planControls, type PlannedControl } from '../questionnaire/plan.js';
import { resolveScope } from '../scope.js';
import { assess, type Assessment } from '../scoring.js';

export interface WorkspaceOptions {
  answers?: string;
  controls?: string;
  config?: string;
}

export interface Workspace {
  catalog: Catalog;
  content: QuestionnaireContent;
  config: Config;
  controls: Control[];
  /** How the controls source is shown and recorded: "builtin" or a path. */
  controlsLabel: string;
  answersPath: string;
  answersDisplay: string;
  /** Whether the answers file existed before this run. */
  existed: boolean;
  /** Things the user should know that are not errors (e.g. controls read from outside the project). */
  notes: string[];
  /** Every file this run reads (answers, config, control files): outputs must never overwrite them. */
  inputs: string[];
  doc: AnswersDocument;
}

export function readQuestionnaire(): QuestionnaireContent {
  const snapshot = snapshotQuestionnaire();
  if (snapshot) return snapshot;
  const { content, diagnostics } = parseQuestionnaire(
    readFileSync(builtinQuestionnaireFile, 'utf8'),
    builtinQuestionnaireFile,
  );
  if (!content) throw new Error(`The built-in questionnaire is invalid: ${diagnostics[0]?.message}`);
  return content;
}

export interface LoadWorkspaceOptions extends WorkspaceOptions {
  /** The folder relative flags and the config file are found from. */
  cwd: string;
  /** The clock's time: the `created`/`updated` stamps of a new answers file. */
  now: string;
  /** true: a missing answers file is a usage error (report, pack…); false: `assess` starts one. */
  mustExist: boolean;
}

export function loadWorkspace(options: LoadWorkspaceOptions): Workspace {
  const { cwd, now, mustExist } = options;
  const loadedConfig = loadConfig(cwd, options.config);
  if (hasErrors(loadedConfig.diagnostics))
    throw new ContentError(loadedConfig.diagnostics, 'soc2-ready.yaml is not valid.');
  const { config } = loadedConfig;
  const answersPath = resolve(
    cwd,
    options.answers ?? (config.answers ? resolve(loadedConfig.baseDir, config.answers) : DEFAULT_ANSWERS_FILE),
  );
  const answersDisplay = displayPath(answersPath, cwd);
  const existed = existsSync(answersPath);
  if (!existed && mustExist) {
    throw new UsageError(
      `Answers file "${answersDisplay}" does not exist.`,
      'Run `soc2-ready assess` in a terminal to create it, or pass --answers <file>.',
    );
  }
  const doc = existed
    ? readAnswersFile(answersPath, answersDisplay)
    : { ...emptyAnswers(now), organization: config.organization };
  const controlsDir = resolveControlsDir({
    option: options.controls,
    answers: { path: answersPath, controls: doc.controls },
    config: loadedConfig,
    cwd,
  });
  const loaded = loadControlsDir(controlsDir, cwd, { cache: true });
  if (hasErrors(loaded.diagnostics))
    throw new ContentError(
      loaded.diagnostics,
      `The control files under "${loaded.displayDir}" are not valid; run \`soc2-ready check\` for details.`,
    );
  const catalog = readBuiltinCatalog();
  // The same content rules as `check` (unknown criteria, duplicate ids, circular follow-ups, unknown
  // exclusions): a report must never be built on an inventory that check rejects.
  const rules = checkRules({
    catalog,
    controls: loaded.controls,
    scope: new Set(catalog.categories.map((c) => c.id)),
    exclusions: config.exclusions,
    subservice: config.subservice,
  });
  if (hasErrors(rules))
    throw new ContentError(
      sortDiagnostics(rules.filter((d) => d.severity === 'error')),
      'The controls or the config break the rules `soc2-ready check` applies; fix them first.',
    );
  const controlsLabel =
    controlsDir === builtinControlsDir ? BUILTIN_CONTROLS : relative(dirname(answersPath), controlsDir) || '.';
  if (!existed && config.scope) doc.scope = config.scope;
  return {
    catalog,
    content: readQuestionnaire(),
    config,
    controls: loaded.controls,
    controlsLabel,
    answersPath,
    answersDisplay,
    existed,
    notes: [
      ...outsideNote(doc, answersPath, controlsDir, cwd),
      ...warningsNote([...loadedConfig.diagnostics, ...loaded.diagnostics, ...rules]),
    ],
    inputs: [answersPath, ...(loadedConfig.path ? [loadedConfig.path] : []), ...loaded.files],
    doc: { ...doc, controls: controlsLabel },
  };
}

function readAnswersFile(path: string, shown: string): AnswersDocument {
  const text = readTextFileOrThrow(path, shown, `Answers file "${shown}" is not valid.`);
  const { doc, diagnostics } = parseAnswers(text, shown);
  if (!doc)
    throw new ContentError(
      diagnostics,
      `Answers file "${shown}" is not valid; fix it or start a new one with --answers <file>.`,
    );
  return doc;
}

/**
 * Warnings do not stop a report, but they should not pass unseen: one line counts them, names the
 * first and sends the user to `check`, which prints each with its fix.
 */
function warningsNote(diagnostics: Diagnostic[]): string[] {
  const warnings = sortDiagnostics(diagnostics.filter((d) => d.severity === 'warning'));
  const first = warnings[0];
  if (!first) return [];
  const at = [first.file, first.line, first.column].filter((part) => part !== undefined).join(':');
  const count = warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`;
  return [
    `Note: ${count} about the controls or config (first: ${first.code} at ${at}); run \`soc2-ready check\` to see them.`,
  ];
}

/** A note when the answers file's own `controls:` leads outside the answers file's folder. */
function outsideNote(doc: AnswersDocument, answersPath: string, controlsDir: string, cwd: string): string[] {
  if (!doc.controls || doc.controls === BUILTIN_CONTROLS) return [];
  const rel = relative(dirname(answersPath), controlsDir);
  if (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)) return [];
  return [
    `Note: the answers file's "controls: ${doc.controls}" reads control files outside its folder, from ${displayPath(controlsDir, cwd)}; make sure that is intended.`,
  ];
}

/** The in-scope set of the answers file (security always included). */
export function scopeOf(ws: Workspace): Set<string> {
  const result = resolveScope(ws.catalog, ws.doc.scope);
  if ('error' in result) throw new UsageError(result.error, result.hint);
  return result.scope;
}

export function fullPlan(ws: Workspace): PlannedControl[] {
  return planControls(ws.catalog, ws.controls, scopeOf(ws), ws.content);
}

/** Scores the answers file against its controls, scope, exclusions and thresholds. */
export function assessWorkspace(ws: Workspace): Assessment {
  return assess({
    catalog: ws.catalog,
    plan: fullPlan(ws),
    answers: ws.doc.answers,
    scope: scopeOf(ws),
    exclusions: ws.config.exclusions,
    thresholds: ws.config.thresholds,
  });
}
