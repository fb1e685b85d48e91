import type { Position } from '../diagnostics.js';
import type { RawCatalogFile } from './catalog-file.generated.js';
import type { RawChoice, RawControl, RawCriterionLink, RawQuestion } from './controls-file.generated.js';

/** A category as the catalog file gives it. */
export type Category = RawCatalogFile['categories'][number];

/** A criterion as the catalog file gives it; `pointsOfFocus` defaults to none. */
export interface Criterion extends RawCriterion {
  /** Prompts in our own words; never scored. */
  pointsOfFocus: string[];
}
type RawCriterion = RawCatalogFile['criteria'][number];

export interface Catalog extends RawCatalogFile {
  shortName: string;
  /** In AICPA document order; every list of criteria in the tool follows this order. */
  criteria: Criterion[];
}

export type Frequency = NonNullable<RawControl['frequency']>;

/** A choice as written, with its label defaulted to its value. */
export interface Choice extends RawChoice {
  label: string;
}

/** A question as written, its choices' labels defaulted. */
export interface Question extends RawQuestion {
  choices: Choice[];
}

export interface SourceLocation extends Partial<Position> {
  file: string;
}

/** primary: counts whenever the criterion is in scope; supporting: only when the control's home category is. */
export type LinkRole = NonNullable<Exclude<RawCriterionLink, string>['role']>;

export interface CriterionLink {
  id: string;
  role: LinkRole;
}

/**
 * A control: the fields of its file entry (RawControl, generated from controls.schema.json) with the
 * defaults filled in and the criterion links resolved, plus where it was written (for diagnostics).
 */
export interface Control extends RawControl {
  /** Every linked criterion id, in file order, whatever its role. */
  criteria: string[];
  /** The same links with their roles; absent means every link is primary (see linksOf). */
  links?: CriterionLink[];
  weight: number;
  evidence: string[];
  /** As written; empty when the file gives none (the questionnaire then asks its default question). */
  questions: Question[];
  location: SourceLocation;
  /** Position of each entry of `criteria`, for diagnostics. */
  criteriaLocations: (Position | undefined)[];
  /** Position of each question's `id` and `when.question`, for diagnostics. */
  questionLocations: { id?: Position; when?: Position }[];
}
