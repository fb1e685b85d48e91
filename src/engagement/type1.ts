/** Type I readiness: is each control designed and operating on the report date? Pure. */
import type { ControlFacts, TypeIControl, TypeIReadiness } from './types.js';

export function typeIReadiness(controls: readonly ControlFacts[], asOf: string): TypeIReadiness {
  const results = controls.map((c) => typeIControl(c, asOf));
  return {
    asOf,
    ready: results.filter((r) => r.status === 'ready').length,
    total: results.length,
    controls: results,
  };
}

function typeIControl(c: ControlFacts, asOf: string): TypeIControl {
  if (c.design === 'not-designed')
    return { id: c.id, status: 'not-designed', reason: 'Design falls short in the questionnaire.' };
  if (c.design === 'not-sure')
    return { id: c.id, status: 'not-sure', reason: 'Design answers are "Not sure" or missing.' };
  const since = c.history?.since;
  if (since && since > asOf) return { id: c.id, status: 'starts-late', reason: `Operates only from ${since}.` };
  return { id: c.id, status: 'ready' };
}
