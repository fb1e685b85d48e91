/**
 * The one Markdown escaping policy, used by the report templates (`md`, `cell` helpers), the GitHub
 * step summary and `diff`: a value from a file or the user becomes inert inline text. Raw HTML
 * (`<`, `>`, `&` as entities), backticks, link and image syntax (`[`, `]`), backslashes, and line
 * breaks (LF, CRLF and a lone CR) cannot change the document's structure; control characters are
 * shown visibly (see terminal.ts).
 */
import { inert } from './terminal.js';

const LINE_BREAK = /[^\S\r\n]*(?:\r\n|\r|\n|\u2028|\u2029)\s*/g;

/** Inline Markdown text on one line. */
export function markdownText(value: unknown, options: { breaks?: string } = {}): string {
  if (value === undefined || value === null) return '';
  const escaped = String(value)
    .trim()
    .replace(/[\\`[\]]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(LINE_BREAK, options.breaks ?? ' ');
  return inert(escaped);
}

/** A table cell: inline text whose `|` cannot end the cell; `breaks` (e.g. `<br>`) keeps line breaks visible. */
export function markdownCell(value: unknown, options: { breaks?: string } = {}): string {
  return markdownText(value, options).replace(/\|/g, '\\|');
}
