import type { Catalog } from './catalog/types.js';
import { closest, quotedList } from './text/suggest.js';

export type ScopeResult = { scope: Set<string> } | { error: string; hint?: string };

/**
 * Turns a list of category ids (from --scope "availability,privacy", a config or an answers file)
 * into the set in scope. The mandatory categories (security) are always added; "all" means every one.
 */
export function resolveScope(catalog: Catalog, requested: readonly string[]): ScopeResult {
  const ids = catalog.categories.map((c) => c.id);
  const scope = new Set(catalog.categories.filter((c) => !c.optional).map((c) => c.id));
  for (const raw of requested) {
    const id = raw.trim().toLowerCase();
    if (id === '') continue;
    if (id === 'all') {
      ids.forEach((i) => scope.add(i));
      continue;
    }
    if (!ids.includes(id)) {
      const near = closest(id, ids);
      return {
        error: `Unknown scope category "${raw.trim()}".`,
        hint: near.length > 0 ? `Did you mean ${quotedList(near)}?` : `Use any of: ${ids.join(', ')}, all.`,
      };
    }
    scope.add(id);
  }
  return { scope };
}

export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
