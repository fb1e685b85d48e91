/**
 * The formats each command offers: the registry's (src/formats/registry.ts) plus the coloured `text`
 * the CLI adds, so colour and terminal tables never reach the core.
 */
import { shellWord } from '../text/terminal.js';
import {
  checkFormats,
  diffFormats,
  evidenceFormats,
  reportFormats,
  type CheckInput,
  type DiffInput,
  type EvidenceInput,
  type Format,
  type Formats,
  type ReportInput,
  type VerifyInput,
  verifyFormats,
} from '../formats/registry.js';

/** The CLI's inputs carry the colour level of the output they are rendered for (0 for files). */
export type Colored<Input> = Input & { colorLevel: 0 | 1 | 2 | 3 };

const reportText: Format<Colored<ReportInput>> = {
  extensions: ['.txt'],
  stdout: true,
  render: async (input) => {
    const { renderSummary } = await import('./summary-text.js');
    const summary = renderSummary(input.assessment, input.colorLevel, {
      organization: input.meta.organization,
      topGaps: 10,
      nextSteps: [
        `soc2-ready report --answers ${shellWord(input.meta.answersFile)} --format html -o soc2-readiness.html`,
      ],
    });
    if (!input.meta.audit) return summary;
    const { renderAuditText } = await import('./audit-text.js');
    return `${summary}\n${renderAuditText(input.meta.audit, input.colorLevel)}`;
  },
};

const checkText: Format<Colored<CheckInput>> = {
  extensions: ['.txt'],
  stdout: true,
  render: async (input) =>
    (await import('./check-text.js')).renderCheckText(input.result, input.catalog, input.colorLevel),
};

const verifyText: Format<Colored<VerifyInput>> = {
  extensions: ['.txt'],
  stdout: true,
  render: async (input) =>
    (await import('./verify-text.js')).renderVerifyText(input.diagnostics, input.summary, input.colorLevel),
};

export const reportOutputFormats: Formats<Colored<ReportInput>> = { text: reportText, ...reportFormats };
export const checkOutputFormats: Formats<Colored<CheckInput>> = { text: checkText, ...checkFormats };
export const verifyOutputFormats: Formats<Colored<VerifyInput>> = { text: verifyText, ...verifyFormats };
export const diffOutputFormats: Formats<DiffInput> = diffFormats;
export const evidenceOutputFormats: Formats<EvidenceInput, string | Uint8Array> = evidenceFormats;

/**
 * The --format help text from a command's formats, e.g. "text (default), json, junit; repeat with -o
 * for several". `defaults` notes which format is used when none is given.
 */
export function formatHelp(formats: Formats<never, unknown>, defaults: Record<string, string>): string {
  const names = Object.entries(formats).map(([name, format]) => {
    const notes = [defaults[name], format.note].filter((n) => n !== undefined);
    return notes.length === 0 ? name : `${name} (${notes.join('; ')})`;
  });
  return `${names.join(', ')}; repeat with -o for several`;
}
