import type { Diagnostic } from '../diagnostics.js';
import type { VerifySummary } from '../evidence/verify-json.js';
import { diagnosticLine, painter, plural } from './print.js';

const REQUIRED: Record<VerifySummary['require'], string> = {
  key: 'evidence required for key controls',
  all: 'evidence required for every control in place',
  none: 'evidence not required',
};

/** The human form of `verify`: every problem on its own line, then a one-line verdict. */
export function renderVerifyText(diagnostics: readonly Diagnostic[], s: VerifySummary, level: 0 | 1 | 2 | 3): string {
  const paint = painter(level);
  const lines = diagnostics.map((d) => diagnosticLine(d, paint));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const refs = s.references;
  const looked =
    s.answersFile === undefined
      ? 'the answers file or its controls could not be read'
      : `${plural(s.controls, 'control')} in scope, ${plural(refs.file + refs.url + refs.ticket, 'reference')} (${plural(refs.file, 'file')}, ${plural(refs.url, 'URL')}, ${plural(refs.ticket, 'ticket')}) as of ${s.asOf}; ${REQUIRED[s.require]}`;
  const verdict =
    errors === 0
      ? paint.green(
          `✔ Every claim checked is backed by evidence${warnings > 0 ? `; ${plural(warnings, 'warning')}` : ''}.`,
        )
      : paint.red(`✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`);
  return `${[...lines, ...(lines.length > 0 ? [''] : []), `${verdict}${paint.dim(` (${looked})`)}`].join('\n')}\n`;
}
