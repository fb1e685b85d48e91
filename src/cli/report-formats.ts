/** The report formats: one registry over one assessment, each renderer loaded only when used. */
import type { AnswersDocument } from '../answers.js';
import type { Catalog } from '../catalog/types.js';
import type { Assessment } from '../scoring.js';
import type { FindingLocation } from '../formats/findings.js';
import type { ReportMeta } from '../report/view.js';

export const REPORT_FORMATS = ['text', 'md', 'html', 'json', 'junit', 'sarif', 'github', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderContext {
  assessment: Assessment;
  catalog: Catalog;
  meta: ReportMeta;
  /** The answers file as loaded (answer times, evidence). */
  doc: AnswersDocument;
  templateDir?: string;
  cwd: string;
  colorLevel: 0 | 1 | 2 | 3;
  /** Where CI findings point: the answers file. */
  location: FindingLocation;
}

type Renderer = (ctx: RenderContext) => Promise<string>;

const findings = async (ctx: RenderContext) => {
  const { assessmentFindings } = await import('../formats/to-findings.js');
  return assessmentFindings(
    ctx.assessment,
    ctx.catalog,
    {
      tool: { ...ctx.meta.tool, informationUri: 'https://github.com/soc2-ready/soc2-ready' },
      generatedAt: ctx.meta.generatedAt,
    },
    ctx.location,
  );
};

const template =
  (format: 'md' | 'html'): Renderer =>
  async (ctx) => {
    const [{ compileReport }, { toReportView }] = await Promise.all([
      import('../report/handlebars.js'),
      import('../report/view.js'),
    ]);
    return compileReport(format, ctx.templateDir, ctx.cwd)(toReportView(ctx.assessment, ctx.catalog, ctx.meta));
  };

export const renderers: Record<ReportFormat, Renderer> = {
  text: async (ctx) => {
    const { renderSummary } = await import('./summary-text.js');
    const summary = renderSummary(ctx.assessment, ctx.colorLevel, {
      organization: ctx.meta.organization,
      topGaps: 10,
      nextSteps: [`soc2-ready report --answers ${ctx.meta.answersFile} --format html -o soc2-readiness.html`],
    });
    if (!ctx.meta.audit) return summary;
    const { renderAuditText } = await import('./audit-text.js');
    return `${summary}\n${renderAuditText(ctx.meta.audit, ctx.colorLevel)}`;
  },
  md: template('md'),
  html: template('html'),
  json: async (ctx) => {
    const { toReportJson } = await import('../report/json.js');
    return `${JSON.stringify(toReportJson(ctx.assessment, ctx.meta), null, 2)}\n`;
  },
  junit: async (ctx) => (await import('../formats/junit.js')).toJUnit(await findings(ctx)),
  sarif: async (ctx) =>
    `${JSON.stringify((await import('../formats/sarif.js')).toSarif(await findings(ctx)), null, 2)}\n`,
  github: async (ctx) => (await import('../formats/github.js')).toGithubAnnotations(await findings(ctx)),
  oscal: async (ctx) => {
    const { toOscalAssessmentResults } = await import('../oscal/assessment-results.js');
    return `${JSON.stringify(toOscalAssessmentResults(oscalInput(ctx)), null, 2)}\n`;
  },
};

/** What the OSCAL export needs from a report run. */
export function oscalInput(ctx: RenderContext) {
  return {
    assessment: ctx.assessment,
    organization: ctx.meta.organization,
    answersFile: ctx.meta.answersFile,
    created: ctx.doc.created,
    updated: ctx.doc.updated,
    answers: ctx.doc.answers,
    tool: ctx.meta.tool,
    generatedAt: ctx.meta.generatedAt,
  };
}

export { findings as reportFindings };
