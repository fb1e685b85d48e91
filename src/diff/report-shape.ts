/**
 * The fields of a `report --format json` document that `diff` reads, checked before use: a
 * hand-edited or hostile report (a name that is a number, a score that is HTML, a null entry)
 * is a clear error naming the field, never a crash or raw text in a PR comment.
 */
type Kind = 'text' | 'number' | 'boolean' | 'text?' | 'number?' | 'texts';

const LISTS: Record<string, Record<string, Kind>> = {
  categories: { id: 'text', name: 'text', score: 'number?', inScope: 'boolean' },
  criteria: { id: 'text', category: 'text', status: 'text', score: 'number?' },
  gaps: {
    control: 'text',
    title: 'text',
    weight: 'number',
    owner: 'text?',
    status: 'text',
    score: 'number?',
    criteria: 'texts',
  },
  notSure: { question: 'text', control: 'text', text: 'text' },
  excluded: { criterion: 'text' },
};

function fits(value: unknown, kind: Kind): boolean {
  if (kind === 'text?') return value === null || value === undefined || typeof value === 'string';
  if (kind === 'number?') return value === null || (typeof value === 'number' && Number.isFinite(value));
  if (kind === 'texts') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === (kind === 'text' ? 'string' : 'boolean');
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value);

/** The first field that does not have the expected type, as `categories[0].name must be text (got number)`. */
export function reportShapeProblem(report: Record<string, unknown>): string | undefined {
  const overall = report.overall as Record<string, unknown>;
  if (!fits(overall.score, 'number?')) return `overall.score must be a number or null (got ${describe(overall.score)})`;
  if (!fits(overall.status, 'text')) return `overall.status must be text (got ${describe(overall.status)})`;
  if (report.scope !== undefined && !fits(report.scope, 'texts')) return 'scope must be a list of text';
  for (const [list, fields] of Object.entries(LISTS)) {
    const items = report[list];
    if (items === undefined && (list === 'notSure' || list === 'excluded')) continue;
    if (!Array.isArray(items)) return `${list} must be a list (got ${describe(items)})`;
    for (const [i, item] of items.entries()) {
      if (item === null || typeof item !== 'object') return `${list}[${i}] must be an object (got ${describe(item)})`;
      for (const [field, kind] of Object.entries(fields)) {
        const value = (item as Record<string, unknown>)[field];
        if (!fits(value, kind))
          return `${list}[${i}].${field} must be ${kind.replace('?', ' or null')} (got ${describe(value)})`;
      }
    }
  }
  return undefined;
}
