import type { Position } from '../diagnostics.js';

export interface Category {
  id: string;
  name: string;
  /** Security is the only category that is always in scope. */
  optional: boolean;
  summary: string;
}

export interface Criterion {
  id: string;
  category: string;
  /** e.g. "CC6 Logical and Physical Access Controls" */
  series: string;
  title: string;
  /** Prompts in our own words; never scored. */
  pointsOfFocus: string[];
}

export interface Catalog {
  framework: string;
  version: string;
  source: string;
  categories: Category[];
  /** In AICPA document order; every list of criteria in the tool follows this order. */
  criteria: Criterion[];
}

export type Frequency = 'continuous' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'annually' | 'on-event';

export interface Choice {
  value: string;
  label: string;
  score: number;
  /** What to do from this answer; reports prefer it to the control's remediation. */
  next?: string;
}

export interface Question {
  id: string;
  text: string;
  help?: string;
  /** Marked `gate: true`; without a mark the control's first question is its gate. */
  gate?: boolean;
  when?: { question: string; in: string[] };
  choices: Choice[];
}

export interface SourceLocation extends Partial<Position> {
  file: string;
}

/** primary: counts whenever the criterion is in scope; supporting: only when the control's home category is. */
export type LinkRole = 'primary' | 'supporting';

export interface CriterionLink {
  id: string;
  role: LinkRole;
}

export interface Control {
  id: string;
  title: string;
  /** Every linked criterion id, in file order, whatever its role. */
  criteria: string[];
  /** The same links with their roles; absent means every link is primary (see linksOf). */
  links?: CriterionLink[];
  /** The home category as written (`category:`); see homeCategory for the default. */
  category?: string;
  /** A key control caps the status of its criteria and offers no "Not applicable". */
  key?: boolean;
  description?: string;
  weight: number;
  frequency?: Frequency;
  owner?: string;
  evidence: string[];
  remediation?: string;
  /** As written; empty when the file gives none (the questionnaire then asks its default question). */
  questions: Question[];
  location: SourceLocation;
  /** Position of each entry of `criteria`, for diagnostics. */
  criteriaLocations: (Position | undefined)[];
  /** Position of each question's `id` and `when.question`, for diagnostics. */
  questionLocations: { id?: Position; when?: Position }[];
}
