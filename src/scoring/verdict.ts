/**
 * The rules that keep a verdict honest after the averages are taken: a key control caps its criteria,
 * a criterion below ready caps its category and the overall status, and gaps are ordered by the risk
 * of the criteria they hold back. Pure functions over scored results.
 */
import type {
  CategoryResult,
  ControlResult,
  CriterionAtRisk,
  CriterionCap,
  CriterionResult,
  Status,
} from '../scoring.js';

/** Worse is lower: gap and unmapped 0, partial 1, ready 2; statuses that are not scored have no rank. */
export function statusRank(status: Status): number | undefined {
  if (status === 'gap' || status === 'unmapped') return 0;
  if (status === 'partial') return 1;
  if (status === 'ready') return 2;
  return undefined;
}

/** A criterion's status is never better than its weakest key control's (ties: the lower score, then the first). */
export function capByKeyControls(criterion: CriterionResult, mapped: readonly ControlResult[]): CriterionResult {
  const own = statusRank(criterion.status);
  if (own === undefined) return criterion;
  let weakest: ControlResult | undefined;
  for (const c of mapped) {
    const rank = statusRank(c.status);
    if (!c.key || rank === undefined) continue;
    const best = weakest === undefined ? undefined : statusRank(weakest.status)!;
    if (best === undefined || rank < best || (rank === best && c.score! < weakest!.score!)) weakest = c;
  }
  if (weakest === undefined || statusRank(weakest.status)! >= own) return criterion;
  const cappedBy: CriterionCap = { control: weakest.id, status: weakest.status, score: weakest.score };
  return { ...criterion, status: weakest.status, cappedBy };
}

/** A category (or the whole assessment) reads ready only when every scored criterion in it is ready. */
export function capByCriteria(result: CategoryResult, criteria: readonly CriterionResult[]): CategoryResult {
  if (result.status !== 'ready') return result;
  const below = criteria.filter((c) => c.inScope && (statusRank(c.status) ?? 2) < 2).map((c) => c.id);
  return below.length === 0 ? result : { ...result, status: 'partial', cappedBy: below };
}

/**
 * Gaps, most urgent first: the worst criterion a control counts towards (gap before partial before
 * ready), key controls before others at the same risk, then weight, then lowest readiness, then plan order.
 */
export function orderGaps(controls: readonly ControlResult[], criteria: readonly CriterionResult[]): ControlResult[] {
  const rankOf = new Map(criteria.map((c) => [c.id, statusRank(c.status) ?? 2]));
  const risk = (c: ControlResult) => Math.min(2, ...c.criteria.map((id) => rankOf.get(id) ?? 2));
  const order = new Map(controls.map((c, i) => [c.id, i]));
  return controls
    .filter((c) => c.status === 'gap' || c.status === 'partial')
    .sort(
      (a, b) =>
        risk(a) - risk(b) ||
        Number(b.key ?? false) - Number(a.key ?? false) ||
        b.control.weight - a.control.weight ||
        a.score! - b.score! ||
        order.get(a.id)! - order.get(b.id)!,
    );
}

/** In-scope criteria below ready, worst first (then catalog order), each with the gaps that drive it. */
export function criteriaAtRisk(
  criteria: readonly CriterionResult[],
  gaps: readonly ControlResult[],
): CriterionAtRisk[] {
  return criteria
    .filter((c) => c.inScope && (statusRank(c.status) ?? 2) < 2)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => statusRank(a.c.status)! - statusRank(b.c.status)! || a.i - b.i)
    .map(({ c }) => ({
      id: c.id,
      title: c.title,
      status: c.status,
      score: c.score,
      ...(c.cappedBy && { cappedBy: c.cappedBy }),
      drivers: gaps.filter((g) => g.criteria.includes(c.id)).map((g) => g.id),
    }));
}
