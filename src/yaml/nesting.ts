/**
 * A one-pass guard run before any YAML parser: the `yaml` package recurses once per nesting level,
 * so 4 MB of `[` or of `- - - …` cost it a minute and gigabytes before it gives up. Our files need
 * a handful of levels; anything deeper than MAX_NESTING is refused at once with its position.
 * The count is deliberately approximate (it over-counts rather than under-counts) and only has
 * to be right for a bound: block indentation levels, compact `- ` items and flow brackets.
 */
import type { Position } from '../diagnostics.js';

export const MAX_NESTING = 64;

interface Scan {
  text: string;
  i: number;
  line: number;
  lineStart: number;
  flow: number;
  indents: number[];
  blockScalarIndent: number | undefined;
}

/** Where the nesting first exceeds `max` levels, or undefined. */
export function excessiveNesting(text: string, max = MAX_NESTING): Position | undefined {
  const s: Scan = { text, i: 0, line: 1, lineStart: 0, flow: 0, indents: [], blockScalarIndent: undefined };
  while (s.i < text.length) {
    const found = scanLine(s, max);
    if (found) return found;
  }
  return undefined;
}

function scanLine(s: Scan, max: number): Position | undefined {
  const { text } = s;
  let indent = 0;
  while (text[s.i] === ' ') {
    indent++;
    s.i++;
  }
  const blank = s.i >= text.length || text[s.i] === '\n' || text[s.i] === '\r' || text[s.i] === '#';
  if (s.blockScalarIndent !== undefined && (blank || indent > s.blockScalarIndent)) return skipToNextLine(s);
  s.blockScalarIndent = undefined;
  if (!blank && s.flow === 0) {
    while (s.indents.length > 0 && s.indents[s.indents.length - 1]! >= indent) s.indents.pop();
    s.indents.push(indent);
    let depth = s.indents.length;
    while (text[s.i] === '-' && (text[s.i + 1] === ' ' || text[s.i + 1] === '\t')) {
      if (++depth > max) return at(s);
      s.i += 2;
      while (text[s.i] === ' ' || text[s.i] === '\t') s.i++;
    }
    if (depth > max) return at(s);
    if (mayOpenBlockScalar(s) && /(^|[\s:-])[|>][-+0-9]*[ \t]*(#.*)?$/.test(restOfLine(s)))
      s.blockScalarIndent = indent;
  }
  return scanRest(s, max);
}

const BLOCK_SCALAR_MARK = /[|>\n]/g;

/** Whether the rest of the line has a `|` or `>` at all (most lines do not; the full test is costlier). */
function mayOpenBlockScalar(s: Scan): boolean {
  BLOCK_SCALAR_MARK.lastIndex = s.i;
  const found = BLOCK_SCALAR_MARK.exec(s.text);
  return found !== null && found[0] !== '\n';
}

function restOfLine(s: Scan): string {
  const end = s.text.indexOf('\n', s.i);
  return s.text.slice(s.i, end === -1 ? undefined : end).replace(/\r$/, '');
}

/** The only characters scanRest acts on; it jumps from one to the next (most of a line is plain text). */
const SIGNIFICANT = /[\n#"'[\]{}]/g;

/** Brackets, quotes and comments up to the end of the line (a quoted scalar may continue on the next). */
function scanRest(s: Scan, max: number): Position | undefined {
  const { text } = s;
  for (;;) {
    SIGNIFICANT.lastIndex = s.i;
    const found = SIGNIFICANT.exec(text);
    s.i = found ? found.index : text.length;
    if (s.i >= text.length || text[s.i] === '\n') break;
    const ch = text[s.i]!;
    const prev = s.i === s.lineStart ? ' ' : text[s.i - 1]!;
    const tokenStart = /[\s[{,:-]/.test(prev);
    if (ch === '#' && /\s/.test(prev)) return skipToNextLine(s);
    if ((ch === '"' || ch === "'") && tokenStart) skipQuoted(s, ch);
    else if ((ch === '[' || ch === '{') && (tokenStart || s.flow > 0)) {
      if (++s.flow + s.indents.length > max) return at(s);
    } else if ((ch === ']' || ch === '}') && s.flow > 0) s.flow--;
    s.i++;
  }
  return skipToNextLine(s);
}

/** Moves past a quoted scalar (possibly over several lines), leaving `i` on its closing quote. */
function skipQuoted(s: Scan, quote: string): void {
  const { text } = s;
  for (s.i++; s.i < text.length; s.i++) {
    const ch = text[s.i];
    if (ch === '\n') {
      s.line++;
      s.lineStart = s.i + 1;
    } else if (quote === '"' && ch === '\\') s.i++;
    else if (ch === quote) {
      if (quote === "'" && text[s.i + 1] === "'") s.i++;
      else return;
    }
  }
}

function skipToNextLine(s: Scan): undefined {
  const end = s.text.indexOf('\n', s.i);
  s.i = end === -1 ? s.text.length : end + 1;
  s.line++;
  s.lineStart = s.i;
  return undefined;
}

function at(s: Scan): Position {
  return { line: s.line, column: s.i - s.lineStart + 1 };
}
