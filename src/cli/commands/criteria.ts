import { UsageError } from '../../errors.js';
import { readBuiltinCatalog } from '../../project/load.js';
import { colorLevel } from '../color.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';

export interface CriteriaOptions {
  category?: string;
  focus?: boolean;
  format: 'text' | 'json';
  color?: boolean;
}

/** Lists the catalog in AICPA order, optionally one category, optionally with points of focus. */
export async function runCriteria(options: CriteriaOptions, io: Io): Promise<ExitCode> {
  const catalog = readBuiltinCatalog();
  const ids = catalog.categories.map((c) => c.id);
  if (options.category !== undefined && !ids.includes(options.category)) {
    throw new UsageError(`Unknown category "${options.category}".`, `Use one of: ${ids.join(', ')}.`);
  }
  const criteria = catalog.criteria.filter((c) => options.category === undefined || c.category === options.category);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(criteria, null, 2)}\n`);
    return ExitCode.ok;
  }
  const { painter } = await import('../print.js');
  const paint = painter(colorLevel(io.stdout, io.env, options.color));
  const lines: string[] = [];
  let series = '';
  for (const c of criteria) {
    if (c.series !== series) {
      series = c.series;
      lines.push(`${lines.length > 0 ? '\n' : ''}${paint.bold(series)}`);
    }
    lines.push(`  ${c.id.padEnd(6)} ${c.title}`);
    if (options.focus) lines.push(...c.pointsOfFocus.map((p) => paint.dim(`           · ${p}`)));
  }
  lines.push(
    '',
    paint.dim(
      `${criteria.length} criteria. Titles and points of focus are soc2-ready's own wording; the official text: ${catalog.source}`,
    ),
  );
  io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}
