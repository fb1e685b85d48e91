/** From a scored assessment and the answers file's operating history to the computation's facts. Pure. */
import type { Frequency } from '../catalog/types.js';
import type { Assessment, ControlResult } from '../scoring.js';
import type { Operations } from './operations.js';
import type { ControlFacts, Design } from './types.js';

/**
 * Any "Not sure", unanswered or invalid answer makes a control's design not-sure, even when its
 * score is high (not-sure is never ready); otherwise it is designed when it scores "ready".
 */
export function designOf(c: ControlResult): Design {
  const unknown = c.questions.some((q) => q.state === 'not-sure' || q.state === 'unanswered' || q.state === 'invalid');
  if (unknown) return 'not-sure';
  return c.status === 'ready' ? 'designed' : 'not-designed';
}

/** Every in-scope control that counts (one whose questions are all "Not applicable" does not). */
export function controlFacts(a: Assessment, operations: Operations = {}): ControlFacts[] {
  return a.controls
    .filter((c) => c.score !== null && c.criteria.length > 0)
    .map((c) => ({
      id: c.id,
      title: c.control.title,
      criteria: c.criteria,
      frequency: c.control.frequency as Frequency | undefined,
      owner: c.control.owner,
      evidence: c.control.evidence,
      remediation: c.control.remediation,
      design: designOf(c),
      history: operations[c.id],
    }));
}
