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
}

export interface Question {
  id: string;
  text: string;
  help?: string;
  when?: { question: string; in: string[] };
  choices: Choice[];
}

export interface SourceLocation extends Partial<Position> {
  file: string;
}

export interface Control {
  id: string;
  title: string;
  criteria: string[];
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
