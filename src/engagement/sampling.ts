/**
 * How many occurrences an auditor typically samples, by frequency. These are PRACTITIONER
 * CONVENTIONS gathered from audit firms and practitioners for a 12-month period, not AICPA rules:
 * the AICPA sets no sample sizes and each firm's own method governs.
 */
import type { Frequency } from '../catalog/types.js';
import type { SampleRange } from './types.js';

/** Stated wherever sample sizes appear. */
export const SAMPLE_CAVEAT =
  'Sample sizes are practitioner conventions, not AICPA rules; your auditor’s sampling method governs.';

const PERIODIC: Record<Exclude<Frequency, 'on-event'>, SampleRange> = {
  continuous: { low: 1, high: 1 }, // automated: one test, if IT general controls are effective
  annually: { low: 1, high: 1 },
  quarterly: { low: 2, high: 2 },
  monthly: { low: 2, high: 5 },
  weekly: { low: 5, high: 15 },
  daily: { low: 20, high: 40 },
};

/** Up to this many events the auditor usually tests every one. */
export const SMALL_POPULATION = 25;
const LARGE_EVENT_SAMPLE: SampleRange = { low: 25, high: 60 };

/** The conventional range before capping at the population (0 events: nothing to sample). */
export function conventionalSample(frequency: Frequency, population: number): SampleRange {
  if (frequency !== 'on-event') return PERIODIC[frequency];
  if (population <= SMALL_POPULATION) return { low: population, high: population };
  return LARGE_EVENT_SAMPLE;
}

/** The range an auditor could draw from `population` occurrences: the convention, capped at the population. */
export function sampleRange(frequency: Frequency, population: number): SampleRange {
  const range = conventionalSample(frequency, population);
  return { low: Math.min(range.low, population), high: Math.min(range.high, population) };
}

/** "2–5", "1", "all 3": how a range is printed. */
export function sampleLabel(range: SampleRange | null): string {
  if (range === null) return 'unknown';
  return range.low === range.high ? String(range.low) : `${range.low}–${range.high}`;
}
