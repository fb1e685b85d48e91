import type { ReportMeta } from '../report/view.js';
import { staleAnswerIds } from '../questionnaire/plan.js';
import type { Workspace } from '../project/workspace.js';
import { version } from './version.js';

/** What a report says about its own making: organization, sources, time, tool, stale answers. */
export async function reportMetaOf(ws: Workspace, now: string): Promise<ReportMeta> {
  return {
    organization: ws.doc.organization,
    answersFile: ws.answersDisplay,
    controlsSource: ws.controlsLabel,
    generatedAt: now,
    tool: { name: 'soc2-ready', version: await version() },
    staleAnswers: staleAnswerIds(ws.controls, ws.doc.answers, ws.content),
    scope: {
      system: ws.config.system,
      subservice: ws.config.subservice,
      cuecs: ws.config.cuecs,
      scoping: ws.content.scoping,
      scopingAnswers: ws.doc.scoping,
    },
  };
}
