/** The scope section of the report view: pre-formatted text for the templates (see scope-model.ts). */
import type { Catalog } from '../catalog/types.js';
import { percent, type Status } from '../scoring.js';
import type { ScopeModel } from './scope-model.js';

const COMPONENTS = ['infrastructure', 'software', 'people', 'procedures', 'data'] as const;

const LABEL: Record<string, string> = {
  ready: 'Ready',
  partial: 'Partial',
  gap: 'Gap',
  unmapped: 'Unmapped',
  'not-applicable': 'Not applicable',
  excluded: 'Excluded',
  'out-of-scope': 'Out of scope',
  'not-assessed': 'Not assessed in this scope',
};

const statusText = (status: Status | 'not-assessed', score: number | null) =>
  score === null ? LABEL[status]! : `${LABEL[status]}, ${percent(score)}%`;

export function scopeView(model: ScopeModel, catalog: Catalog) {
  const titles = new Map(catalog.criteria.map((c) => [c.id, c.title]));
  const system = model.system;
  return {
    system: system && {
      services: system.services ?? [],
      boundaries: system.boundaries ?? '',
      components: COMPONENTS.filter((c) => system.components?.[c]).map((c) => ({
        name: c.charAt(0).toUpperCase() + c.slice(1),
        text: system.components![c]!,
      })),
      commitments: system.commitments ?? [],
    },
    scopeRationale: model.categories.map((c) => ({
      name: c.name,
      inScope: c.inScope,
      statusText: c.inScope ? 'In scope' : c.recommended ? 'Out of scope, although recommended' : 'Out of scope',
      reasonsText:
        c.reasons.length > 0 ? `Scoping answers "yes": ${c.reasons.join(' ')}` : 'No scoping answer recommends it.',
    })),
    subservice: model.subservice.map((s) => ({
      name: s.name,
      servicesText: s.services.join(', ') || '—',
      method: s.method,
      methodLabel: s.method === 'carve-out' ? 'Carve-out' : 'Inclusive',
      criteriaText:
        s.criteria.map((c) => `${c.id} ${titles.get(c.id) ?? ''} (${statusText(c.status, c.score)})`).join('; ') || '—',
      csocs: s.csocs,
      monitoringText:
        s.monitoredBy
          .map((m) => `${m.id}${m.title ? ` ${m.title}` : ''} (${statusText(m.status, m.score)})`)
          .join('; ') || 'No monitoring control named',
    })),
    cuecs: model.cuecs,
  };
}
