import { error, warning, type Diagnostic } from '../diagnostics.js';
import { closest, quotedList, unknownIdHint } from '../text/suggest.js';
import type { Catalog, Control } from './types.js';
import type { Subservice } from '../config.js';
import { linksOf } from './control-scope.js';
import { subserviceRules } from './rules-subservice.js';

/** A criterion consciously carved out of the examination (e.g. covered by a subservice organization). */
export interface Exclusion {
  criterion: string;
  reason: string;
  location?: { file: string; line?: number; column?: number };
}

export interface InventoryInput {
  catalog: Catalog;
  controls: readonly Control[];
  /** Category ids in scope (security is always among them). */
  scope: ReadonlySet<string>;
  exclusions: readonly Exclusion[];
  /** Subservice organisations from soc2-ready.yaml (their criteria and monitoring controls are checked). */
  subservice?: readonly Subservice[];
  /** Where unmapped criteria are reported: the config file or the controls folder. */
  inventoryLocation?: string;
}

export interface RuleContext extends InventoryInput {
  criterionIds: Set<string>;
  diagnostics: Diagnostic[];
}

export type Rule = (ctx: RuleContext) => void;

/** Reserved answer values the questionnaire adds to every question. */
export const RESERVED_VALUES = ['not-sure', 'not-applicable'];

const unknownCriteria: Rule = ({ controls, criterionIds, catalog, diagnostics }) => {
  const ids = catalog.criteria.map((c) => c.id);
  const framework = catalog.shortName;
  for (const control of controls) {
    control.criteria.forEach((id, i) => {
      if (criterionIds.has(id)) return;
      diagnostics.push(
        error('unknown-criterion', `Control "${control.id}" maps to "${id}", which is not a ${framework} criterion.`, {
          file: control.location.file,
          ...control.criteriaLocations[i],
          hint: unknownIdHint(id, ids, 'Run `soc2-ready criteria` to list the valid ids.'),
        }),
      );
    });
  }
};

const noCriteria: Rule = ({ controls, diagnostics }) => {
  for (const control of controls) {
    if (control.criteria.length > 0) continue;
    diagnostics.push(
      warning('no-criteria', `Control "${control.id}" maps to no criterion, so it counts towards nothing.`, {
        ...control.location,
        hint: 'Add the TSC ids it serves under "criteria".',
      }),
    );
  }
};

const duplicateControlIds: Rule = ({ controls, diagnostics }) => {
  const byId = groupBy(controls, (c) => c.id);
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const control of group) {
      const others = group.filter((c) => c !== control).map((c) => where(c.location));
      diagnostics.push(
        error('duplicate-id', `Control id "${id}" is defined more than once (also at ${others.join(', ')}).`, {
          ...control.location,
          hint: 'Give each control its own id.',
        }),
      );
    }
  }
};

/** Ids that differ only in letter case are distinct here, but people and spreadsheet lookups read them as one. */
const caseDuplicateIds: Rule = ({ controls, diagnostics }) => {
  for (const group of groupBy(controls, (c) => c.id.toLowerCase()).values()) {
    for (const control of group) {
      const others = group.filter((c) => c.id !== control.id).map((c) => `"${c.id}" at ${where(c.location)}`);
      if (others.length === 0) continue;
      diagnostics.push(
        warning(
          'case-duplicate-id',
          `Control id "${control.id}" differs only in letter case from ${others.join(', ')}.`,
          {
            ...control.location,
            hint: 'They are separate controls here, but auditors and spreadsheet lookups read them as one; rename one.',
          },
        ),
      );
    }
  }
};

const questionRules: Rule = ({ controls, diagnostics }) => {
  const seen = new Map<string, string>();
  for (const control of controls) {
    const earlier = new Map<string, Set<string>>();
    control.questions.forEach((q, i) => {
      const at = { file: control.location.file, ...control.questionLocations[i]?.id };
      if (!q.id.startsWith(`${control.id}.`)) {
        diagnostics.push(
          error('question-id', `Question "${q.id}" must start with its control id, "${control.id}.".`, at),
        );
      }
      const first = seen.get(q.id);
      if (first)
        diagnostics.push(
          error('duplicate-id', `Question id "${q.id}" is defined more than once (also at ${first}).`, at),
        );
      seen.set(q.id, where(at));
      const values = q.choices.map((c) => c.value);
      for (const value of values.filter((v, k) => values.indexOf(v) !== k)) {
        diagnostics.push(error('duplicate-choice', `Question "${q.id}" offers the choice "${value}" twice.`, at));
      }
      for (const value of values.filter((v) => RESERVED_VALUES.includes(v))) {
        diagnostics.push(
          error('reserved-value', `Question "${q.id}" uses the reserved choice value "${value}".`, {
            ...at,
            hint: 'Every question already offers "Not sure" and "Not applicable"; remove this choice.',
          }),
        );
      }
      if (!q.choices.some((c) => c.score === 1)) {
        diagnostics.push(
          warning('no-full-score', `No choice of question "${q.id}" scores 1, so the control can never be ready.`, at),
        );
      }
      if (q.when) checkWhen(control, i, earlier, diagnostics);
      earlier.set(q.id, new Set(values));
    });
    checkGates(control, diagnostics);
  }
};

function checkGates(control: Control, out: Diagnostic[]): void {
  const gates = control.questions.flatMap((q, i) => (q.gate ? [i] : []));
  for (const i of gates.slice(1)) {
    const first = control.questions[gates[0]!]!.id;
    out.push(
      error(
        'duplicate-gate',
        `Question "${control.questions[i]!.id}" is a second gate of control "${control.id}" (the first is "${first}").`,
        {
          file: control.location.file,
          ...control.questionLocations[i]?.id,
          hint: 'A control has one gate question; remove "gate: true" from all but one.',
        },
      ),
    );
  }
}

function checkWhen(control: Control, index: number, earlier: Map<string, Set<string>>, out: Diagnostic[]): void {
  const q = control.questions[index]!;
  const when = q.when!;
  const at = { file: control.location.file, ...control.questionLocations[index]?.when };
  const values = earlier.get(when.question);
  if (!values) {
    const near = closest(when.question, [...earlier.keys()]);
    out.push(
      error(
        'unknown-question',
        `Question "${q.id}" depends on "${when.question}", which is not an earlier question of control "${control.id}".`,
        {
          ...at,
          hint: near.length > 0 ? `Did you mean ${quotedList(near)}?` : undefined,
        },
      ),
    );
    return;
  }
  for (const value of when.in.filter((v) => !values.has(v))) {
    out.push(
      error(
        'unknown-choice',
        `Question "${q.id}" depends on answer "${value}", which "${when.question}" does not offer.`,
        at,
      ),
    );
  }
}

const exclusionRules: Rule = ({ exclusions, criterionIds, catalog, diagnostics }) => {
  const ids = catalog.criteria.map((c) => c.id);
  const seen = new Set<string>();
  for (const exclusion of exclusions) {
    if (!criterionIds.has(exclusion.criterion)) {
      diagnostics.push(
        error(
          'unknown-criterion',
          `Exclusion names "${exclusion.criterion}", which is not a ${catalog.shortName} criterion.`,
          { ...exclusion.location, hint: unknownIdHint(exclusion.criterion, ids) },
        ),
      );
    }
    if (seen.has(exclusion.criterion)) {
      diagnostics.push(
        error('duplicate-id', `Criterion "${exclusion.criterion}" is excluded more than once.`, {
          ...exclusion.location,
        }),
      );
    }
    seen.add(exclusion.criterion);
  }
};

const noHomeCategory: Rule = ({ controls, criterionIds, diagnostics }) => {
  for (const control of controls) {
    const links = linksOf(control);
    if (control.category !== undefined || links.length === 0) continue;
    if (links.some((l) => l.role === 'primary' && criterionIds.has(l.id))) continue;
    diagnostics.push(
      warning(
        'no-home-category',
        `Control "${control.id}" has only supporting links and no "category", so it is never in scope.`,
        {
          ...control.location,
          hint: 'Make one link primary (a plain criterion id) or give the control a home "category".',
        },
      ),
    );
  }
};

const rules: Rule[] = [
  unknownCriteria,
  noCriteria,
  noHomeCategory,
  duplicateControlIds,
  caseDuplicateIds,
  questionRules,
  exclusionRules,
  subserviceRules,
];

/** Runs every content rule over a loaded inventory; collects all problems, never stops at the first. */
export function checkRules(input: InventoryInput): Diagnostic[] {
  const ctx: RuleContext = {
    ...input,
    criterionIds: new Set(input.catalog.criteria.map((c) => c.id)),
    diagnostics: [],
  };
  for (const rule of rules) rule(ctx);
  return ctx.diagnostics;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function where(at: { file?: string; line?: number; column?: number }): string {
  return [at.file, at.line, at.column].filter((p) => p !== undefined).join(':');
}
