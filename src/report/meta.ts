import type { ReportMeta } from './view.js';
import { staleAnswerIds } from '../questionnaire/plan.js';
import type { Workspace } from '../project/workspace.js';

/**
 * What a report says about its own making: organization, sources, time, tool, stale answers. Pure: the
 * caller passes the clock's `now` and the tool's name and version (the CLI reads them from package.json).
 */
export function reportMetaOf(ws: Workspace, now: string, tool: ReportMeta['tool']): ReportMeta {
  return {
    organization: ws.doc.organization,
    answersFile: ws.answersDisplay,
    controlsSource: ws.controlsLabel,
    generatedAt: now,
    tool,
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
