import { error, type Diagnostic } from '../diagnostics.js';
import { schemaDiagnostics } from '../yaml/schema.js';
import type { Catalog, Criterion } from './types.js';
import type { RawCatalogFile } from './catalog-file.generated.js';
import { parseYamlSource } from '../yaml/source.js';

export interface CatalogResult {
  catalog?: Catalog;
  diagnostics: Diagnostic[];
}

/** Parses and checks a criteria catalog (criteria/tsc-2017.yaml or a compatible file). */
export function parseCatalog(text: string, file: string): CatalogResult {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
  const diagnostics = schemaDiagnostics('catalog', source);
  if (diagnostics.length > 0) return { diagnostics };
  const raw = source.data as RawCatalogFile;
  const catalog: Catalog = {
    ...raw,
    shortName: raw.shortName ?? raw.framework,
    criteria: raw.criteria.map((c) => ({ ...c, pointsOfFocus: c.pointsOfFocus ?? [] })),
  };
  const categoryIds = new Set(catalog.categories.map((c) => c.id));
  const seen = new Set<string>();
  catalog.criteria.forEach((criterion, index) => {
    const at = { file, ...source.locate(['criteria', index, 'id']) };
    if (seen.has(criterion.id))
      diagnostics.push(error('duplicate-id', `Criterion "${criterion.id}" is listed twice.`, at));
    seen.add(criterion.id);
    if (!categoryIds.has(criterion.category)) {
      diagnostics.push(
        error(
          'unknown-category',
          `Criterion "${criterion.id}" names category "${criterion.category}", which the catalog does not define.`,
          at,
        ),
      );
    }
  });
  return diagnostics.length > 0 ? { diagnostics } : { catalog, diagnostics };
}

export function criteriaOf(catalog: Catalog, categoryIds: ReadonlySet<string>): Criterion[] {
  return catalog.criteria.filter((c) => categoryIds.has(c.category));
}
