import type { Assessment } from '../scoring.js';

/**
 * One warning line per "Not applicable" answer to a key control's question: such an answer is not
 * allowed, so it counts as not ready. Names the answers file and the command that fixes it.
 */
export function keyNotApplicableWarnings(assessment: Pick<Assessment, 'keyNotApplicable'>, file: string): string {
  return assessment.keyNotApplicable
    .map(
      (q) =>
        `${file}  warning  key-not-applicable  "${q.id}" is answered "Not applicable", but ${q.controlId} is a key control, so the answer counts as not ready. Choose an answer with \`soc2-ready assess --review --control ${q.controlId}\`.\n`,
    )
    .join('');
}
