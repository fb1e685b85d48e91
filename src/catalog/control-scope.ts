/**
 * Which criteria a control counts towards in a given scope: the one rule `check`, `assess`, `report`
 * and `diff` share, so they never disagree on which controls are in scope.
 *
 * - A control's home category is its `category:`, else the category of its first primary link.
 * - A primary link counts whenever its criterion is in scope.
 * - A supporting link counts only when the control's home category is in scope (so a privacy control
 *   with a supporting CC link never leaks into a Security-only assessment).
 * - A control is asked and scored when at least one of its links counts.
 */
import type { Catalog, Control, CriterionLink } from './types.js';

export interface ControlScope {
  /** The control's home category, undefined when it has neither `category:` nor a known primary link. */
  home?: string;
  /** The in-scope criteria the control counts towards, in catalog order, without repeats. Empty: not in scope. */
  counted: string[];
}

export type ControlScopeRule = (control: Control) => ControlScope;

/** The rule for one catalog and scope; build it once and apply it to every control. */
export function controlScopeRule(catalog: Catalog, scope: ReadonlySet<string>): ControlScopeRule {
  const index = new Map(catalog.criteria.map((c, i) => [c.id, i]));
  const categoryOf = (id: string) => catalog.criteria[index.get(id)!]!.category;
  return (control) => {
    const home = homeCategoryOf(control, index, categoryOf);
    const homeInScope = home !== undefined && scope.has(home);
    const counted = new Set<string>();
    for (const link of linksOf(control)) {
      if (!index.has(link.id) || !scope.has(categoryOf(link.id))) continue;
      if (link.role === 'primary' || homeInScope) counted.add(link.id);
    }
    return { home, counted: [...counted].sort((a, b) => index.get(a)! - index.get(b)!) };
  };
}

/** The home category of a control (see controlScopeRule). */
export function homeCategory(catalog: Catalog, control: Control): string | undefined {
  const byId = new Map(catalog.criteria.map((c) => [c.id, c.category]));
  return homeCategoryOf(control, byId, (id) => byId.get(id)!);
}

function homeCategoryOf(
  control: Control,
  known: ReadonlyMap<string, unknown>,
  categoryOf: (id: string) => string,
): string | undefined {
  if (control.category !== undefined) return control.category;
  const first = linksOf(control).find((l) => l.role === 'primary' && known.has(l.id));
  return first ? categoryOf(first.id) : undefined;
}

/** A control's links with their roles (all primary when a hand-built control gives none). */
export function linksOf(control: Pick<Control, 'criteria' | 'links'>): CriterionLink[] {
  return control.links ?? control.criteria.map((id) => ({ id, role: 'primary' }));
}
