/** A tiny hand-built catalog and control builder for table tests of the scoring and scope rules. */
import type { Catalog, Control, CriterionLink, Question } from '../../src/catalog/types.js';

export const catalog: Catalog = {
  framework: 'test',
  version: '1',
  shortName: 'test',
  source: 'x',
  categories: [
    { id: 'security', name: 'Security', optional: false, summary: '' },
    { id: 'availability', name: 'Availability', optional: true, summary: '' },
    { id: 'privacy', name: 'Privacy', optional: true, summary: '' },
  ],
  criteria: [
    { id: 'CC1.1', category: 'security', series: 'CC1 Control Environment', title: 'one', pointsOfFocus: [] },
    { id: 'CC1.2', category: 'security', series: 'CC1 Control Environment', title: 'two', pointsOfFocus: [] },
    { id: 'CC2.1', category: 'security', series: 'CC2 Communication', title: 'three', pointsOfFocus: [] },
    { id: 'A1.1', category: 'availability', series: 'A1 Availability', title: 'four', pointsOfFocus: [] },
    { id: 'P1.1', category: 'privacy', series: 'P1 Notice', title: 'five', pointsOfFocus: [] },
  ],
};

export const content = {
  defaultQuestion: {
    text: 'In place?',
    choices: [
      { value: 'operating', label: 'Operating', score: 1 },
      { value: 'none', label: 'None', score: 0 },
    ],
  },
};

export const graded = [
  { value: 'no', label: 'No', score: 0 },
  { value: 'partly', label: 'Partly', score: 0.5 },
  { value: 'yes', label: 'Yes', score: 1 },
];

export const question = (id: string, extra: Partial<Question> = {}): Question => ({
  id,
  text: `${id}?`,
  choices: graded,
  ...extra,
});

/** A link written as in a control file: "CC1.1" is primary, "~CC1.1" is supporting. */
export type LinkSpec = string;

export interface ControlSpec {
  weight?: number;
  key?: boolean;
  category?: string;
  questions?: Question[];
}

export function control(id: string, links: LinkSpec[], spec: ControlSpec = {}): Control {
  const parsed: CriterionLink[] = links.map((l) =>
    l.startsWith('~') ? { id: l.slice(1), role: 'supporting' } : { id: l, role: 'primary' },
  );
  return {
    id,
    title: `Control ${id}`,
    criteria: parsed.map((l) => l.id),
    links: parsed,
    key: spec.key ?? false,
    // Tests may name any category; the schema's enum is checked by the loader, not here.
    ...(spec.category !== undefined && { category: spec.category as Control['category'] }),
    weight: spec.weight ?? 1,
    evidence: [],
    questions: spec.questions ?? [question(`${id}.a`)],
    location: { file: 'x.yaml' },
    criteriaLocations: [],
    questionLocations: [],
  };
}

export const scopeOf = (...optional: string[]) => new Set(['security', ...optional]);
