/**
 * Every diagnostic code, once: its default severity, one line for SARIF rules and help, and the
 * README anchor that documents it. error()/warning() accept only these codes, and
 * test/diagnostic-codes.test.ts fails when README.md or criteria/README.md lists them differently.
 */
import type { Severity } from './diagnostics.js';

export interface CodeInfo {
  severity: Severity;
  /** One sentence, in our own words. */
  summary: string;
  /** The README.md section that lists the code (GitHub's heading anchor). */
  anchor: string;
}

const FILES = 'diagnostic-codes';
const EVIDENCE = 'evidence-and-audit-hand-off';

export const DIAGNOSTIC_CODES = {
  'yaml-syntax': { severity: 'error', summary: 'A YAML file could not be parsed.', anchor: FILES },
  encoding: { severity: 'error', summary: 'A file is not valid UTF-8 text.', anchor: FILES },
  'file-too-large': { severity: 'error', summary: 'A file is larger than the size limit.', anchor: FILES },
  schema: { severity: 'error', summary: 'A file does not match its expected structure.', anchor: FILES },
  template: { severity: 'error', summary: 'A report template could not be compiled or rendered.', anchor: FILES },
  'unknown-criterion': { severity: 'error', summary: 'An id is not a TSC 2017 criterion.', anchor: FILES },
  'unknown-category': {
    severity: 'error',
    summary: 'A criterion names a category the catalog does not define.',
    anchor: FILES,
  },
  'duplicate-id': { severity: 'error', summary: 'An id is defined more than once.', anchor: FILES },
  'unmapped-criterion': {
    severity: 'error',
    summary: 'An in-scope criterion has no control mapped to it.',
    anchor: FILES,
  },
  'question-id': { severity: 'error', summary: 'A question id does not start with its control id.', anchor: FILES },
  'duplicate-choice': { severity: 'error', summary: 'A question offers the same choice twice.', anchor: FILES },
  'reserved-value': { severity: 'error', summary: 'A question uses a reserved choice value.', anchor: FILES },
  'unknown-question': {
    severity: 'error',
    summary: 'A question depends on a question that is not before it.',
    anchor: FILES,
  },
  'unknown-choice': {
    severity: 'error',
    summary: 'A question depends on an answer that is not offered.',
    anchor: FILES,
  },
  'unknown-control': { severity: 'error', summary: 'A control id that is referred to does not exist.', anchor: FILES },
  'duplicate-gate': { severity: 'error', summary: 'A control has more than one gate question.', anchor: FILES },
  'not-a-file': {
    severity: 'error',
    summary: 'A path names a FIFO, device, socket or folder where a regular file is needed.',
    anchor: FILES,
  },
  unreadable: { severity: 'error', summary: 'A file or folder could not be read.', anchor: FILES },
  'file-name': {
    severity: 'warning',
    summary: 'A file name is not valid UTF-8, so the file is skipped.',
    anchor: FILES,
  },
  'outside-folder': {
    severity: 'warning',
    summary: 'A symbolic link in the controls folder leads outside it.',
    anchor: FILES,
  },
  'no-criteria': { severity: 'warning', summary: 'A control maps to no criterion.', anchor: FILES },
  'no-home-category': {
    severity: 'warning',
    summary: 'A control has only supporting links and no home category.',
    anchor: FILES,
  },
  'no-full-score': { severity: 'warning', summary: 'No choice of a question scores 1.', anchor: FILES },
  'case-duplicate-id': {
    severity: 'warning',
    summary: 'Two control ids differ only in letter case.',
    anchor: FILES,
  },
  'out-of-scope-monitor': {
    severity: 'warning',
    summary: 'A control that monitors a subservice organisation is out of scope, so it is neither asked nor scored.',
    anchor: FILES,
  },
  'excluded-subservice-criterion': {
    severity: 'warning',
    summary: 'A criterion is excluded although a subservice organisation keeps it in scope.',
    anchor: FILES,
  },
  'evidence-missing': {
    severity: 'error',
    summary: 'A control answered as in place has no evidence reference.',
    anchor: EVIDENCE,
  },
  'evidence-stale': {
    severity: 'error',
    summary: "A control's newest evidence is older than its frequency allows.",
    anchor: EVIDENCE,
  },
  'evidence-not-found': { severity: 'error', summary: 'A local evidence file does not exist.', anchor: EVIDENCE },
  'evidence-changed': {
    severity: 'error',
    summary: "A local evidence file's SHA-256 differs from the recorded one.",
    anchor: EVIDENCE,
  },
  'evidence-outside-window': {
    severity: 'error',
    summary: 'No evidence of a control is dated inside the Type II observation window.',
    anchor: EVIDENCE,
  },
  'invalid-answer': { severity: 'error', summary: "An answer is not one of its question's choices.", anchor: EVIDENCE },
  'stale-answer': {
    severity: 'warning',
    summary: 'An answer belongs to a question the controls no longer have.',
    anchor: EVIDENCE,
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
