/**
 * Content rules for `subservice:` in soc2-ready.yaml: the ids a provider entry names must exist, and
 * the entry must not contradict the rest of the config.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { unknownIdHint } from '../text/suggest.js';
import type { Subservice } from '../config.js';
import { controlScopeRule, type ControlScope } from './control-scope.js';
import type { Exclusion, Rule, RuleContext } from './rules.js';

const unknownIds: Rule = ({ subservice = [], controls, criterionIds, catalog, diagnostics }) => {
  const ids = catalog.criteria.map((c) => c.id);
  const controlIds = controls.map((c) => c.id);
  const known = new Set(controlIds);
  for (const entry of subservice) {
    entry.criteria.forEach((id, i) => {
      if (criterionIds.has(id)) return;
      diagnostics.push(
        error(
          'unknown-criterion',
          `Subservice organisation "${entry.name}" names "${id}", which is not a ${catalog.shortName} criterion.`,
          {
            ...entry.criteriaLocations?.[i],
            hint: unknownIdHint(id, ids, 'Run `soc2-ready criteria` to list the valid ids.'),
          },
        ),
      );
    });
    entry.monitoredBy.forEach((id, i) => {
      if (known.has(id)) return;
      diagnostics.push(
        error(
          'unknown-control',
          `Subservice organisation "${entry.name}" is monitored by "${id}", which is not a control.`,
          {
            ...entry.monitoredByLocations?.[i],
            hint: unknownIdHint(id, controlIds, 'Name the id of one of your controls, e.g. the vendor review.'),
          },
        ),
      );
    });
  }
};

/**
 * An exclusion says a criterion does not apply; a subservice entry says it applies and is met partly by
 * the provider. Both at once is the question an auditor would ask first, so it is flagged at the exclusion.
 */
const excludedSubserviceCriteria: Rule = ({ subservice = [], exclusions, diagnostics }) => {
  for (const exclusion of exclusions) {
    for (const entry of subservice) {
      if (entry.criteria.includes(exclusion.criterion)) diagnostics.push(excludedDiagnostic(exclusion, entry));
    }
  }
};

function excludedDiagnostic(exclusion: Exclusion, entry: Subservice): Diagnostic {
  const id = exclusion.criterion;
  const rely =
    entry.method === 'carve-out'
      ? 'rely on the carve-out: its CSOCs and your own controls that monitor the provider'
      : "rely on the inclusive method: the provider's controls are examined with yours";
  return warning(
    'excluded-subservice-criterion',
    `Criterion "${id}" is excluded, but subservice organisation "${entry.name}" (${entry.method}) keeps it in scope.`,
    {
      ...exclusion.location,
      hint: `Keep the exclusion only if ${id} truly does not apply to the system; otherwise remove it and ${rely}.`,
    },
  );
}

/**
 * A monitoring control out of the selected scope is neither asked nor scored, so the provider would look
 * monitored in the config while nothing in the assessment says whether it is. (Unknown ids are errors above.)
 */
const outOfScopeMonitors: Rule = ({ subservice = [], controls, catalog, scope, diagnostics }) => {
  const scopeOf = controlScopeRule(catalog, scope);
  const byId = new Map<string, ControlScope>();
  for (const control of controls) if (!byId.has(control.id)) byId.set(control.id, scopeOf(control));
  for (const entry of subservice) {
    entry.monitoredBy.forEach((id, i) => {
      const controlScope = byId.get(id);
      if (!controlScope || controlScope.counted.length > 0) return;
      const { why, fix } = outOfScopeReason(id, controlScope.home, scope);
      diagnostics.push(
        warning(
          'out-of-scope-monitor',
          `Subservice organisation "${entry.name}" is monitored by "${id}", which is out of scope (${why}), so it is neither asked nor scored.`,
          {
            ...entry.monitoredByLocations?.[i],
            hint: `${fix}, or name an in-scope control that monitors the provider.`,
          },
        ),
      );
    });
  }
};

function outOfScopeReason(id: string, home: string | undefined, scope: ReadonlySet<string>) {
  if (home === undefined) return { why: 'it has no home category', fix: `Give "${id}" an in-scope "category"` };
  if (!scope.has(home))
    return {
      why: `its home category, ${home}, is not in scope`,
      fix: `Bring ${home} into scope ("scope:" in soc2-ready.yaml, or --scope)`,
    };
  return { why: 'none of its criteria is in scope', fix: `Map "${id}" to an in-scope criterion` };
}

/** The subservice rules, in the order they report. */
export const subserviceRules: Rule = (ctx: RuleContext) => {
  unknownIds(ctx);
  outOfScopeMonitors(ctx);
  excludedSubserviceCriteria(ctx);
};
