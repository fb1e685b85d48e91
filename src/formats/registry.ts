/**
 * Every output format, one entry each. `check`, `report` and `diff` take their --format list, help
 * text, `-o` extension inference and errors from these tables; renderers load only when used.
 * Adding a format is one entry here plus one renderer file. The coloured `text` entries are added by
 * the CLI (src/cli/formats.ts), so nothing here knows about colour or terminals.
 */
import type { AnswersDocument } from '../answers.js';
import type { CheckResult } from '../catalog/coverage.js';
import type { Catalog } from '../catalog/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { VerifySummary } from '../evidence/verify-json.js';
import type { OscalInput } from '../oscal/assessment-results.js';
import type { ReadinessDiff } from '../diff/compare.js';
import type { ReportMeta } from '../report/view.js';
import type { Assessment } from '../scoring.js';
import { INFORMATION_URI, type FindingLocation, type Findings } from './findings.js';
import type { EvidenceHeader } from '../evidence/header.js';
import type { EvidenceRequest } from '../evidence/requests.js';

export interface Format<Input, Output = string> {
  /** File extensions (lower case, with the dot) that select this format for `-o <file>`. */
  extensions: readonly string[];
  /** A few words for --help after the name, when the name alone does not say it. */
  note?: string;
  /** Whether the document may go to stdout; binary formats set false and need `-o <file>`. */
  stdout: boolean;
  /** Text, or bytes for a binary format (XLSX). */
  render(input: Input): Promise<Output>;
}

/** A command's formats; key order is the order --help lists them in. */
export type Formats<Input, Output = string> = Readonly<Record<string, Format<Input, Output>>>;

/** What the report formats render: one scored answers file. */
export interface ReportInput {
  assessment: Assessment;
  catalog: Catalog;
  meta: ReportMeta;
  /** The answers file as loaded (answer times, evidence). */
  doc: AnswersDocument;
  templateDir?: string;
  cwd: string;
  /** Where CI findings point: the answers file. */
  location: FindingLocation;
}

/** What the check formats render: one checked inventory. */
export interface CheckInput {
  result: CheckResult;
  catalog: Catalog;
  tool: { name: string; version: string };
  generatedAt: string;
  /** Where unmapped criteria point: the config file or the controls folder (none for the built-in library). */
  location?: FindingLocation;
}

/** What the verify formats render: the problems found in the evidence and answers, and what was looked at. */
export interface VerifyInput {
  diagnostics: Diagnostic[];
  summary: VerifySummary;
  tool: { name: string; version: string };
  generatedAt: string;
}

/** What the evidence request list formats render (`soc2-ready evidence`). */
export interface EvidenceInput {
  requests: EvidenceRequest[];
  header: EvidenceHeader;
  tool: { name: string; version: string };
  /** ISO 8601 from the injected clock: the JSON's generatedAt and the XLSX's timestamps. */
  generatedAt: string;
}

export interface DiffInput {
  diff: ReadinessDiff;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function reportFindings(input: ReportInput): Promise<Findings> {
  const { assessmentFindings } = await import('./to-findings.js');
  const tool = { ...input.meta.tool, informationUri: INFORMATION_URI };
  return assessmentFindings(
    input.assessment,
    input.catalog,
    { tool, generatedAt: input.meta.generatedAt },
    input.location,
  );
}

export async function checkFindings(input: CheckInput): Promise<Findings> {
  const { checkFindings } = await import('./to-findings.js');
  const tool = { ...input.tool, informationUri: INFORMATION_URI };
  return checkFindings(input.result, input.catalog, { tool, generatedAt: input.generatedAt }, input.location);
}

export async function verifyFindings(input: VerifyInput): Promise<Findings> {
  const tool = { ...input.tool, informationUri: INFORMATION_URI };
  return { tool, command: 'verify', generatedAt: input.generatedAt, outcomes: [], diagnostics: input.diagnostics };
}

const template =
  (format: 'md' | 'html') =>
  async (input: ReportInput): Promise<string> => {
    const [{ compileReport }, { toReportView }, text] = await Promise.all([
      import('../report/handlebars.js'),
      import('../report/view.js'),
      import('../text/terminal.js'),
    ]);
    // Every string in the view is made safe for the format once, so even a custom template's plain
    // {{value}} cannot carry control characters: HTML drops what it cannot hold, Markdown shows them.
    const safe =
      format === 'html'
        ? text.dropUnholdable
        : (s: string) => text.inert(s.replace(/\r\n?/g, '\n'), { keepNewlines: true });
    const view = text.mapStrings(toReportView(input.assessment, input.catalog, input.meta), safe);
    return compileReport(format, input.templateDir, input.cwd)(view);
  };

/** The CI formats render the neutral Findings, so check and report share them. */
const ciFormats = <Input>(findings: (input: Input) => Promise<Findings>) =>
  ({
    junit: {
      extensions: ['.xml'],
      stdout: true,
      render: async (input) => (await import('./junit.js')).toJUnit(await findings(input)),
    },
    sarif: {
      extensions: ['.sarif'],
      stdout: true,
      render: async (input) => json((await import('./sarif.js')).toSarif(await findings(input))),
    },
    github: {
      extensions: [],
      stdout: true,
      render: async (input) => (await import('./github.js')).toGithubAnnotations(await findings(input)),
    },
  }) satisfies Formats<Input>;

export const reportFormats = {
  md: { extensions: ['.md', '.markdown'], stdout: true, render: template('md') },
  html: { extensions: ['.html', '.htm'], stdout: true, render: template('html') },
  json: {
    extensions: ['.json'],
    stdout: true,
    render: async (input) => json((await import('../report/json.js')).toReportJson(input.assessment, input.meta)),
  },
  ...ciFormats(reportFindings),
  oscal: {
    extensions: [],
    note: 'OSCAL 1.1.3 assessment results',
    stdout: true,
    render: async (input) => {
      const { toOscalAssessmentResults } = await import('../oscal/assessment-results.js');
      return json(toOscalAssessmentResults(oscalInput(input)));
    },
  },
} satisfies Formats<ReportInput>;

export const checkFormats = {
  json: {
    extensions: ['.json'],
    stdout: true,
    render: async (input) => json((await import('./check-json.js')).toCheckJson(input.result)),
  },
  ...ciFormats(checkFindings),
} satisfies Formats<CheckInput>;

export const verifyFormats = {
  json: {
    extensions: ['.json'],
    stdout: true,
    render: async (input) =>
      json((await import('../evidence/verify-json.js')).toVerifyJson(input.diagnostics, input.summary)),
  },
  ...ciFormats(verifyFindings),
} satisfies Formats<VerifyInput>;

export const diffFormats = {
  md: {
    extensions: ['.md', '.markdown'],
    stdout: true,
    render: async (input) => (await import('../diff/markdown.js')).renderDiffMarkdown(input.diff),
  },
  json: {
    extensions: ['.json'],
    stdout: true,
    render: async (input) => json((await import('../diff/json.js')).toDiffJson(input.diff)),
  },
} satisfies Formats<DiffInput>;

export const evidenceFormats = {
  md: {
    extensions: ['.md', '.markdown'],
    stdout: true,
    render: async (input) => (await import('../evidence/markdown.js')).toMarkdown(input.requests, input.header),
  },
  csv: {
    extensions: ['.csv'],
    note: 'RFC 4180, formulas neutralised',
    stdout: true,
    render: async (input) => (await import('../evidence/csv.js')).toCsv(input.requests),
  },
  json: {
    extensions: ['.json'],
    stdout: true,
    render: async (input) =>
      (await import('../evidence/json.js')).toEvidenceJson(input.requests, input.header, {
        tool: input.tool,
        generatedAt: input.generatedAt,
      }),
  },
  xlsx: {
    extensions: ['.xlsx'],
    note: 'needs -o',
    stdout: false,
    render: async (input) => (await import('../evidence/xlsx.js')).toXlsx(input.requests, input.generatedAt),
  },
} satisfies Formats<EvidenceInput, string | Uint8Array>;

/** What the OSCAL export needs from a report run. */
export function oscalInput(input: ReportInput): OscalInput {
  return {
    assessment: input.assessment,
    organization: input.meta.organization,
    answersFile: input.meta.answersFile,
    created: input.doc.created,
    updated: input.doc.updated,
    answers: input.doc.answers,
    evidence: input.doc.evidence,
    tool: input.meta.tool,
    generatedAt: input.meta.generatedAt,
  };
}
