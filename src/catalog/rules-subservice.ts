/**
 * Content rules for `subservice:` in soc2-ready.yaml: the ids a provider entry names must exist, and
 * the entry must not contradict the rest of the config.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { closest, quotedList } from '../text/suggest.js';
import type { Subservice } from '../config.js';
import type { Exclusion, Rule, RuleContext } from './rules.js';

const unknownIds: Rule = ({ subservice = [], controls, criterionIds, catalog, diagnostics }) => {
  const ids = catalog.criteria.map((c) => c.id);
  const controlIds = controls.map((c) => c.id);
  const known = new Set(controlIds);
  for (const entry of subservice) {
    entry.criteria.forEach((id, i) => {
      if (criterionIds.has(id)) return;
      const near = closest(id, ids);
      diagnostics.push(
        error(
          'unknown-criterion',
          `Subservice organisation "${entry.name}" names "${id}", which is not a ${catalog.shortName} criterion.`,
          {
            ...entry.criteriaLocations?.[i],
            hint:
              near.length > 0
                ? `Did you mean ${quotedList(near)}?`
                : 'Run `soc2-ready criteria` to list the valid ids.',
          },
        ),
      );
    });
    entry.monitoredBy.forEach((id, i) => {
      if (known.has(id)) return;
      const near = closest(id, controlIds);
      diagnostics.push(
        error(
          'unknown-control',
          `Subservice organisation "${entry.name}" is monitored by "${id}", which is not a control.`,
          {
            ...entry.monitoredByLocations?.[i],
            hint:
              near.length > 0
                ? `Did you mean ${quotedList(near)}?`
                : 'Name the id of one of your controls, e.g. the vendor review.',
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

/** The subservice rules, in the order they report. */
export const subserviceRules: Rule = (ctx: RuleContext) => {
  unknownIds(ctx);
  excludedSubserviceCriteria(ctx);
};
