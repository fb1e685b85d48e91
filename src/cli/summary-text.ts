/** The terminal summary of an assessment: verdict, per-category table, top gaps, unknowns, next steps. */
import { percent, type Assessment, type Status } from '../scoring.js';
import { inert } from '../text/terminal.js';
import { painter, plural, table, type Painter } from './print.js';

export interface SummaryOptions {
  organization?: string;
  topGaps?: number;
  nextSteps?: string[];
}

/** The summary names this many criteria at risk; the report lists them all. */
const RISK_LINES = 8;

export function renderSummary(a: Assessment, level: 0 | 1 | 2 | 3, options: SummaryOptions = {}): string {
  const paint = painter(level);
  const out: string[] = [];
  const overall = percent(a.overall.score);
  const who = options.organization ? `${inert(options.organization)}: ` : '';
  out.push(
    paint.bold(
      `${who}overall readiness ${overall === null ? 'n/a' : `${overall}%`} — ${statusWord(a.overall.status, paint)}`,
    ),
  );
  const rows = a.categories.map((c) => [
    c.inScope ? inert(c.name) : paint.dim(inert(c.name)),
    c.inScope ? `${percent(c.score) ?? 'n/a'}${c.score === null ? '' : '%'}` : paint.dim('out of scope'),
    c.inScope ? statusWord(c.status, paint) : '',
    c.inScope ? countStatuses(a, c.id) : '',
  ]);
  out.push(
    table(['Category', 'Readiness', 'Status', 'Criteria ready / partial / gap / unmapped'], rows, [
      'left',
      'right',
      'left',
      'left',
    ]),
  );
  const gaps = a.gaps.length;
  out.push(
    `${plural(gaps, 'control')} below ready · ${plural(a.notSure.length, 'answer')} "Not sure" · ${plural(a.unanswered.length, 'question')} unanswered · ${plural(a.notApplicable.length, 'answer')} not applicable`,
  );
  if (a.criteriaAtRisk.length > 0) {
    out.push('', paint.bold('Criteria at risk:'));
    for (const c of a.criteriaAtRisk.slice(0, RISK_LINES)) {
      const cap = c.cappedBy
        ? `, capped by key control ${inert(c.cappedBy.control)} at ${percent(c.cappedBy.score)}%`
        : '';
      const drivers = c.drivers.length > 0 ? inert(c.drivers.join(', ')) : 'no control maps to it';
      out.push(`  ${statusWord(c.status, paint)} ${c.id} ${percent(c.score) ?? 0}%${cap} ${paint.dim(`← ${drivers}`)}`);
    }
    const more = a.criteriaAtRisk.length - RISK_LINES;
    if (more > 0) out.push(paint.dim(`  … and ${more} more (see the report)`));
  }
  if (a.invalid.length > 0) {
    out.push(
      '',
      paint.yellow(
        `${plural(a.invalid.length, 'answer')} no longer fit their question (counted as not ready; \`soc2-ready assess\` asks them again):`,
      ),
    );
    for (const q of a.invalid) out.push(`  ${inert(q.id)}: ${invalidReason(q)}`);
  }
  const top = a.gaps.slice(0, options.topGaps ?? 5);
  if (top.length > 0) {
    out.push('', paint.bold('Top gaps (by risk of their criteria, then weight, then lowest readiness):'));
    for (const g of top) {
      const key = g.key ? 'key, ' : '';
      out.push(
        `  ${paint.red('•')} ${inert(g.id)} ${inert(g.control.title)} ${paint.dim(`(${percent(g.score)}%, ${key}weight ${inert(g.control.weight)}, ${inert(g.criteria.join(', '))})`)}`,
      );
      const next = g.next ?? g.control.remediation;
      if (next) out.push(`    ${paint.dim('Next step:')} ${oneLine(next)}`);
    }
  }
  if (options.nextSteps && options.nextSteps.length > 0)
    out.push('', paint.bold('Next:'), ...options.nextSteps.map((s) => `  ${inert(s)}`));
  return `${out.join('\n')}\n`;
}

function invalidReason(q: Assessment['invalid'][number]): string {
  if (q.value === 'not-applicable') return q.label === undefined ? '"Not applicable" without a reason' : inert(q.label);
  return `"${inert(q.value)}" is not one of its choices`;
}

function countStatuses(a: Assessment, category: string): string {
  const criteria = a.criteria.filter((c) => c.category === category);
  const n = (s: Status) => criteria.filter((c) => c.status === s).length;
  return `${n('ready')} / ${n('partial')} / ${n('gap')} / ${n('unmapped')}`;
}

export function statusWord(status: Status, paint: Painter): string {
  if (status === 'ready') return paint.green('ready');
  if (status === 'partial') return paint.yellow('partial');
  if (status === 'gap' || status === 'unmapped') return paint.red(status);
  return status;
}

function oneLine(text: string): string {
  const flat = inert(text.replace(/\s+/g, ' ').trim());
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
