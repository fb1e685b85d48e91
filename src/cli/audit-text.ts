/** The terminal form of the "Audit readiness" section: Type I, the windows, the recommendation, blockers. */
import type { AuditReadiness } from '../engagement/audit.js';
import { auditView } from '../engagement/view.js';
import { inert, mapStrings } from '../text/terminal.js';
import { painter, table } from './print.js';

const BLOCKERS_SHOWN = 5;

export function renderAuditText(audit: AuditReadiness, level: 0 | 1 | 2 | 3): string {
  const paint = painter(level);
  // Titles and ids come from control files: every string shown inert (see text/terminal.ts).
  const v = mapStrings(auditView(audit), (s) => inert(s));
  const out = [paint.bold(`Audit readiness (SOC 2 ${v.typeLabel})`)];
  if (v.assumedText) out.push(paint.dim(v.assumedText));
  out.push(`Type I as of ${v.typeI.asOf}: ${v.typeI.text}`);
  if (v.isTypeII) {
    const rows = v.windows.map((w) => [
      `${w.months} months${w.recommended ? ' *' : ''}`,
      `${w.start} – ${w.end}`,
      w.readyText,
      ...w.counts.slice(2).map(String),
    ]);
    out.push(table(['Window', 'Dates', 'Ready or thin', ...v.statusHeaders.slice(2)], rows, ['left', 'left', 'right']));
  }
  out.push(v.recommendedText);
  const blocking = v.matrix.filter((m) => m.status !== 'ready' && m.status !== 'thin');
  const byStatus = new Map<string, number>();
  for (const m of blocking) byStatus.set(m.statusLabel, (byStatus.get(m.statusLabel) ?? 0) + 1);
  if (blocking.length > 0)
    out.push(
      `Blocking in the ${v.focusText}: ${[...byStatus].map(([label, n]) => `${n} ${label.toLowerCase()}`).join(', ')}.`,
    );
  for (const m of blocking.slice(0, BLOCKERS_SHOWN))
    out.push(`  ${paint.red('•')} ${m.id} ${m.title} ${paint.dim(`(${m.statusLabel})`)}`);
  if (blocking.length > BLOCKERS_SHOWN)
    out.push(paint.dim(`  … and ${blocking.length - BLOCKERS_SHOWN} more in the full report (md, html or json).`));
  out.push(paint.dim(v.sampleCaveat));
  return `${out.join('\n')}\n`;
}
