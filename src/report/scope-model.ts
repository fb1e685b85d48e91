/**
 * Scope as SOC 2 models it, for reports: the system description, why each optional category is in or
 * out (the scoping answers), the subservice organisations with their CSOCs and the readiness of the
 * controls that monitor them, and the CUECs. Pure: config, scoping answers and the assessment in.
 */
import type { Subservice, SystemDescription } from '../config.js';
import type { QuestionnaireContent } from '../questionnaire/content.js';
import type { Assessment, Status } from '../scoring.js';

/** What the config and the answers file say about scope (carried in ReportMeta). */
export interface ScopeInput {
  system?: SystemDescription;
  subservice: readonly Subservice[];
  cuecs: readonly string[];
  /** The scoping questions, and the answers given to them (question id → yes | no | not-sure). */
  scoping: QuestionnaireContent['scoping'];
  scopingAnswers: Readonly<Record<string, string>>;
}

export interface CategoryRationale {
  id: string;
  name: string;
  inScope: boolean;
  /** Any scoping answer was "yes". */
  recommended: boolean;
  /** The scoping questions answered "yes": what justifies the category. */
  reasons: string[];
}

export interface SubserviceResult {
  name: string;
  services: string[];
  method: Subservice['method'];
  /** The criteria the provider helps meet; they stay in scope and are scored on your own controls. */
  criteria: { id: string; status: Status; score: number | null }[];
  csocs: string[];
  /** Your controls that monitor the provider; `not-assessed` when none of their links is in scope. */
  monitoredBy: { id: string; title: string; status: Status | 'not-assessed'; score: number | null }[];
}

export interface ScopeModel {
  system: SystemDescription | null;
  categories: CategoryRationale[];
  subservice: SubserviceResult[];
  cuecs: string[];
}

export function scopeModel(a: Assessment, input: ScopeInput): ScopeModel {
  const criteria = new Map(a.criteria.map((c) => [c.id, c]));
  const controls = new Map(a.controls.map((c) => [c.id, c]));
  return {
    system: input.system ?? null,
    // One entry per optional category the questionnaire has scoping questions for, in its order.
    categories: input.scoping.map((s) => {
      const category = a.categories.find((c) => c.id === s.category);
      const reasons = s.questions.filter((q) => input.scopingAnswers[q.id] === 'yes').map((q) => q.text);
      const inScope = category?.inScope ?? false;
      return { id: s.category, name: category?.name ?? s.category, inScope, recommended: reasons.length > 0, reasons };
    }),
    subservice: input.subservice.map((s) => ({
      name: s.name,
      services: [...s.services],
      method: s.method,
      criteria: s.criteria.map((id) => {
        const c = criteria.get(id);
        return { id, status: c?.status ?? 'out-of-scope', score: c?.score ?? null };
      }),
      csocs: [...s.csocs],
      monitoredBy: s.monitoredBy.map((id) => {
        const c = controls.get(id);
        return c
          ? { id, title: c.control.title, status: c.status, score: c.score }
          : { id, title: '', status: 'not-assessed' as const, score: null };
      }),
    })),
    cuecs: [...input.cuecs],
  };
}
